package com.biometriclogger.evidence;

import static com.biometriclogger.decision.AuditAttribute.*;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.Decision;
import com.biometriclogger.decision.LockoutRule;
import com.biometriclogger.decision.ReasonCode;
import com.biometriclogger.decision.Verdict;
import com.biometriclogger.evidence.Finding.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Re-counts from the ledger what each decision says the lockout counted ({@link LockoutRule}): the failures
 * against its subject are the items marked {@code failedSubjectId}, as the function's index holds them.
 *
 * <p>The function counts from an eventually consistent index while other invocations may be deciding, so a
 * decision may count fewer failures than the ledger shows, but never a failure that was {@link #SETTLED} before
 * it; and never more than the ledger holds, save failures erased since (an erasure record does not say whose
 * they were). A compared upload recording no count is held to the rule its subject's latest failure recorded.
 */
final class LockoutAccounts {

    /**
     * Long enough for any failure dated before it to be stored and in the index: the function's 30 s timeout
     * (a decision is written within its invocation or not at all) plus room for the index's propagation.
     */
    static final Duration SETTLED = Duration.ofMinutes(2);

    private static final long MAX_FAILURES = 1_000;
    private static final long MAX_WINDOW_SECONDS = 366L * 24 * 3600;

    private record Counted(LockoutRule rule, int failures) {
    }

    private record Claim(String id, String subject, Instant at, Optional<Counted> counted, boolean compared) {
    }

    private record Failure(String id, Instant at, LockoutRule rule) {
    }

    private final Map<String, List<Failure>> failuresBySubject = new HashMap<>();
    private final List<Claim> claims = new ArrayList<>();
    private final List<Instant> erasures = new ArrayList<>();

    /** A validly signed erasure record: the failure it may have erased can no longer be re-counted. */
    void addErasure(Map<String, String> record) {
        parseInstant(value(record, ERASED_AT)).ifPresent(erasures::add);
    }

    /** A validly signed decision. */
    void addDecision(Map<String, String> item, String id, Consumer<Finding> findings) {
        String subject = value(item, SUBJECT_ID);
        var at = parseInstant(value(item, DECIDED_AT));
        if (subject.isEmpty() || at.isEmpty()) {
            return;
        }
        Optional<Counted> counted;
        try {
            counted = counted(item);
        } catch (IllegalArgumentException malformed) {
            findings.accept(problem(id, "its lockout count cannot be read: " + malformed.getMessage()));
            return;
        }
        var verdict = verdict(item);
        boolean lockedOut = verdict.reasons().contains(ReasonCode.LOCKED_OUT);
        if (lockedOut != counted.filter(c -> c.rule().locksOut(c.failures())).isPresent()) {
            findings.accept(problem(id, "recorded " + verdict.decision() + " " + verdict.reasons() + " with "
                    + counted.map(c -> c.failures() + " failure(s) counted of " + c.rule().limit()).orElse("no count")));
        }
        String failedSubject = value(item, FAILED_SUBJECT_ID);
        boolean failure = counted.filter(c -> c.rule().countsAsFailure(verdict)).isPresent();
        if (failure != failedSubject.equals(subject) || (!failure && !failedSubject.isEmpty())) {
            findings.accept(problem(id, "marked as a failure of '" + failedSubject + "' though it "
                    + (failure ? "is one of '" + subject + "'" : "is not one the lockout counts")));
        }
        if (failure) {
            failuresBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(new Failure(id, at.get(), counted.get().rule()));
        }
        claims.add(new Claim(id, subject, at.get(), counted, !value(item, SIMILARITY).isEmpty()));
    }

    /** After every item was given. */
    void check(Consumer<Finding> findings) {
        failuresBySubject.values().forEach(list -> list.sort((a, b) -> a.at().compareTo(b.at())));
        for (var claim : claims) {
            var failures = failuresBySubject.getOrDefault(claim.subject(), List.of());
            var rule = claim.counted().map(Counted::rule).or(() -> latestRuleBefore(failures, claim.at()));
            if (rule.isEmpty()) {
                continue;
            }
            int settled = count(failures, claim, rule.get(), claim.at().minus(SETTLED));
            int held = count(failures, claim, rule.get(), claim.at());
            long erasedSince = erasures.stream().filter(erased -> erased.isAfter(claim.at())).count();
            if (claim.counted().isEmpty()) {
                if (claim.compared() && rule.get().locksOut(settled)) {
                    findings.accept(problem(claim.id(), "compared a face of '" + claim.subject() + "' though the ledger "
                            + "holds " + settled + " failure(s) against it in the window before, and counted none"));
                }
                continue;
            }
            int recorded = claim.counted().get().failures();
            if (recorded < settled || recorded > held + erasedSince) {
                findings.accept(problem(claim.id(), "counted " + recorded + " failure(s) of '" + claim.subject()
                        + "', the ledger holds " + held + " in its window (" + settled + " dated " + SETTLED.toMinutes()
                        + " min or more before it)" + (erasedSince > 0 ? " and " + erasedSince + " erasure(s) since" : "")));
            }
        }
    }

    /** The failures of the claim's subject in (at - window, latest], other than the claim itself, capped at the limit. */
    private static int count(List<Failure> failures, Claim claim, LockoutRule rule, Instant latest) {
        var earliest = rule.earliestCounted(claim.at());
        long within = failures.stream().filter(f -> !f.id().equals(claim.id()) && !f.at().isBefore(earliest)
                && !f.at().isAfter(latest)).count();
        return (int) Math.min(within, rule.limit());
    }

    private static Optional<LockoutRule> latestRuleBefore(List<Failure> failures, Instant at) {
        return failures.stream().filter(f -> f.at().isBefore(at)).reduce((a, b) -> b).map(Failure::rule);
    }

    private static Optional<Counted> counted(Map<String, String> item) {
        String failures = value(item, FAILURES_COUNTED);
        if (failures.isEmpty() && value(item, LOCKOUT_LIMIT).isEmpty() && value(item, LOCKOUT_WINDOW_SECONDS).isEmpty()) {
            return Optional.empty();
        }
        var rule = new LockoutRule((int) CanonicalNumber.parse("lockoutLimit", value(item, LOCKOUT_LIMIT), MAX_FAILURES),
                Duration.ofSeconds(CanonicalNumber.parse("lockoutWindowSeconds", value(item, LOCKOUT_WINDOW_SECONDS),
                        MAX_WINDOW_SECONDS)));
        return Optional.of(new Counted(rule, (int) CanonicalNumber.parse("failuresCounted", failures, rule.limit())));
    }

    /** The recorded decision and reasons; a name no version wrote reads as no reason at all. */
    private static Verdict verdict(Map<String, String> item) {
        Decision decision;
        try {
            decision = Decision.valueOf(value(item, DECISION));
        } catch (IllegalArgumentException unknown) {
            decision = Decision.REJECTED;
        }
        String reasons = value(item, REASONS);
        var codes = reasons.isEmpty() ? List.<ReasonCode>of() : Arrays.stream(reasons.split(","))
                .flatMap(name -> Arrays.stream(ReasonCode.values()).filter(code -> code.name().equals(name))).toList();
        return new Verdict(decision, codes);
    }

    private static Optional<Instant> parseInstant(String written) {
        try {
            return written.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(written));
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            return Optional.empty();
        }
    }

    private static Finding problem(String id, String why) {
        return new Finding(Problem.DECISION_DOES_NOT_FOLLOW, id, why);
    }

    private static String value(Map<String, String> item, AuditAttribute attribute) {
        return item.getOrDefault(attribute.stored(), "");
    }
}
