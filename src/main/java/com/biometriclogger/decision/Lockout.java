package com.biometriclogger.decision;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Counts a subject's recent failures before its upload is judged (see {@link LockoutRule}). */
public interface Lockout {

    /** The attributes only a decision that counted carries. */
    Set<AuditAttribute> ONLY_WHILE_COUNTING = Collections.unmodifiableSet(EnumSet.of(AuditAttribute.FAILURES_COUNTED,
            AuditAttribute.LOCKOUT_LIMIT, AuditAttribute.LOCKOUT_WINDOW_SECONDS, AuditAttribute.FAILED_SUBJECT_ID));

    /** Counts nothing: items then carry no lockout attributes, exactly as before lockout existed. */
    Lockout OFF = (subjectId, at) -> Optional.empty();

    /**
     * The failures recorded against the subject in the window ending at {@code at}, at most the rule's limit.
     *
     * @return empty when nothing is counted
     */
    Optional<FailureCount> count(String subjectId, Instant at);

    /** The failures one decision counted, under the rule it counted them by. */
    record FailureCount(LockoutRule rule, int failures) {

        public boolean lockedOut() {
            return rule.locksOut(failures);
        }

        /** The item with what was counted, and marked as a failure of its subject if it is one (so later counts find it). */
        AuditItem recordedIn(AuditItem item, Verdict verdict) {
            var counted = item.with(AuditAttribute.FAILURES_COUNTED, Integer.toString(failures))
                    .with(AuditAttribute.LOCKOUT_LIMIT, Integer.toString(rule.limit()))
                    .with(AuditAttribute.LOCKOUT_WINDOW_SECONDS, Long.toString(rule.window().toSeconds()));
            return rule.countsAsFailure(verdict)
                    ? counted.with(AuditAttribute.FAILED_SUBJECT_ID, item.get(AuditAttribute.SUBJECT_ID).orElseThrow())
                    : counted;
        }
    }

    /** The ledger's record of failures, by subject and time. */
    interface FailureLedger {

        /** Failures against {@code subjectId} decided from {@code earliest} to {@code latest}, both included; at most {@code atMost}. */
        int failures(String subjectId, Instant earliest, Instant latest, int atMost);
    }

    /** Counts from the ledger under {@code rule}. */
    static Lockout counting(LockoutRule rule, FailureLedger ledger) {
        return (subjectId, at) -> Optional.of(new FailureCount(rule,
                ledger.failures(subjectId, rule.earliestCounted(at), at, rule.limit())));
    }
}
