package com.biometriclogger.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the lockout counts, the window it counts in, and what a decision records of it. */
class LockoutTest {

    private static final LockoutRule RULE = LockoutRule.DEFAULT;
    private static final AuditItem JUDGED = AuditItem.of(Map.of("attemptId", "a", "subjectId", "alice"));

    @Test
    void onlyAComparisonThatFoundSomeoneElseIsAFailure() {
        assertTrue(RULE.countsAsFailure(new Verdict(Decision.UNAUTHORIZED, List.of(ReasonCode.NO_MATCH))));
        for (var reason : List.of(ReasonCode.NO_FACE, ReasonCode.MULTIPLE_FACES, ReasonCode.NOT_ENROLLED, ReasonCode.LOCKED_OUT,
                ReasonCode.LOW_SHARPNESS)) {
            assertFalse(RULE.countsAsFailure(new Verdict(Decision.UNAUTHORIZED, List.of(reason))), reason.name());
        }
        assertFalse(RULE.countsAsFailure(new Verdict(Decision.REVIEW_REQUIRED, List.of(ReasonCode.NEAR_MATCH))));
    }

    @Test
    void theWindowEndsAtTheDecisionAndStartsJustAfterAWindowBefore() {
        var at = Instant.parse("2026-12-01T10:15:00Z");

        assertEquals(Instant.parse("2026-12-01T10:00:00.001Z"), RULE.earliestCounted(at));
        assertFalse(RULE.locksOut(4));
        assertTrue(RULE.locksOut(5));
    }

    @Test
    void theLedgerIsAskedForTheWindowAndNoMoreThanTheLimit() {
        var at = Instant.parse("2026-12-01T10:15:00Z");
        Lockout.FailureLedger ledger = (subject, earliest, latest, atMost) -> {
            assertEquals(List.of("alice", RULE.earliestCounted(at), at, 5), List.of(subject, earliest, latest, atMost));
            return 5;
        };

        var count = Lockout.counting(RULE, ledger).count("alice", at).orElseThrow();

        assertTrue(count.lockedOut());
        assertEquals(Optional.empty(), Lockout.OFF.count("alice", at));
    }

    @Test
    void aFailureIsMarkedWithItsSubjectAndEveryCountedDecisionRecordsItsCount() {
        var count = new Lockout.FailureCount(RULE, 3);

        var failure = count.recordedIn(JUDGED, new Verdict(Decision.UNAUTHORIZED, List.of(ReasonCode.NO_MATCH)));
        var noFace = count.recordedIn(JUDGED, new Verdict(Decision.UNAUTHORIZED, List.of(ReasonCode.NO_FACE)));

        assertEquals(Map.of("attemptId", "a", "subjectId", "alice", "failuresCounted", "3", "lockoutLimit", "5",
                "lockoutWindowSeconds", "900", "failedSubjectId", "alice"), failure.attributes());
        assertEquals(Optional.empty(), noFace.get(AuditAttribute.FAILED_SUBJECT_ID));
        assertEquals(Optional.of("3"), noFace.get(AuditAttribute.FAILURES_COUNTED));
    }

    @Test
    void aRuleNeedsAFailureAndAWindowOfWholeSeconds() {
        assertThrows(IllegalArgumentException.class, () -> new LockoutRule(0, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new LockoutRule(5, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new LockoutRule(5, Duration.ofMillis(1500)));
    }
}
