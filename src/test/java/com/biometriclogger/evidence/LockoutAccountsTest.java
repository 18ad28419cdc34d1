package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each decision's recorded lockout count against the failures the ledger holds for its subject, with a
 * limit of 2 in 15 minutes: what the function may have missed (the last two minutes), and what it may not.
 */
class LockoutAccountsTest {

    private static final String T0 = "2026-05-03T08:00:00Z";

    private final LockoutAccounts accounts = new LockoutAccounts();
    private final List<Finding> findings = new ArrayList<>();

    @Test
    void anHonestHistoryFollows() {
        add("f1", failure("bob", T0, 0));
        add("f2", failure("bob", "2026-05-03T08:05:00Z", 1));
        add("l1", lockedOut("bob", "2026-05-03T08:10:00Z", 2));
        add("a1", authorized("bob", "2026-05-03T08:21:00Z", 0));
        add("x1", authorized("alice", "2026-05-03T08:06:00Z", 0));

        assertEquals(List.of(), check());
    }

    @Test
    void aCountBelowTheSettledFailuresIsNamed() {
        add("f1", failure("bob", T0, 0));
        add("f2", failure("bob", "2026-05-03T08:05:00Z", 1));
        add("a1", authorized("bob", "2026-05-03T08:10:00Z", 1));

        assertEquals(List.of("a1"), about(check()));
        assertTrue(findings.get(0).detail().contains("counted 1 failure(s) of 'bob', the ledger holds 2 in its window"),
                findings.get(0).detail());
    }

    @Test
    void aFailureInTheLastTwoMinutesMayBeMissed() {
        add("f1", failure("bob", T0, 0));
        add("f2", failure("bob", "2026-05-03T08:09:00Z", 1));
        add("a1", authorized("bob", "2026-05-03T08:10:00Z", 1));

        assertEquals(List.of(), check(), "f2 was one minute old: maybe not in the index yet");
    }

    @Test
    void aCountAboveTheLedgerIsNamedUnlessAnErasureCameSince() {
        add("f1", failure("bob", T0, 0));
        add("a1", authorized("bob", "2026-05-03T08:10:00Z", 2));

        assertEquals(List.of("a1", "a1"), about(check()), "counted 2 of 1, and an AUTHORIZED that should lock out");

        var erased = new LockoutAccounts();
        erased.addErasure(Map.of("erasedAt", "2026-05-03T09:00:00Z"));
        erased.addDecision(failure("bob", T0, 0), "f1", findings::add);
        erased.addDecision(lockedOut("bob", "2026-05-03T08:10:00Z", 2), "l1", findings::add);
        findings.clear();
        erased.check(findings::add);
        assertEquals(List.of(), findings, "one failure erased after l1 may have been counted by it");
    }

    @Test
    void failuresOutsideTheWindowOrOfAnotherSubjectDoNotCount() {
        add("f1", failure("bob", "2026-05-03T07:44:00Z", 0));
        add("f2", failure("alice", T0, 0));
        add("f3", failure("bob", "2026-05-03T07:55:00Z", 1));
        add("a1", authorized("bob", "2026-05-03T08:05:00Z", 1));

        assertEquals(List.of(), check(), "f1 is 21 minutes old; only f3 counts");
    }

    @Test
    void aLockoutWithoutTheFailuresIsNamed() {
        add("l1", lockedOut("bob", T0, 2));

        var named = check();
        assertEquals(List.of("l1"), about(named));
        assertEquals(Finding.Problem.DECISION_DOES_NOT_FOLLOW, named.get(0).problem());
    }

    @Test
    void aComparedUploadWithoutACountIsHeldToItsSubjectsLatestRule() {
        add("f1", failure("bob", T0, 0));
        add("f2", failure("bob", "2026-05-03T08:01:00Z", 1));
        var uncounted = new HashMap<>(authorized("bob", "2026-05-03T08:10:00Z", 0));
        uncounted.remove("failuresCounted");
        uncounted.remove("lockoutLimit");
        uncounted.remove("lockoutWindowSeconds");
        add("a1", uncounted);

        assertEquals(List.of("a1"), about(check()));
        assertTrue(findings.get(0).detail().contains("holds 2 failure(s) against it in the window before, and counted none"),
                findings.get(0).detail());
    }

    @Test
    void anUncomparedDecisionWithoutACountIsNotHeldToIt() {
        add("f1", failure("bob", T0, 0));
        add("f2", failure("bob", "2026-05-03T08:01:00Z", 1));
        add("n1", Map.of("subjectId", "bob", "decidedAt", "2026-05-03T08:10:00Z", "decision", "UNAUTHORIZED",
                "reasons", "NO_FACE"));

        assertEquals(List.of(), check());
    }

    @Test
    void aFailureMarkedForAnotherSubjectOrANonFailureMarkedIsNamed() {
        var misfiled = new HashMap<>(failure("bob", T0, 0));
        misfiled.put("failedSubjectId", "alice");
        add("f1", misfiled);
        var marked = new HashMap<>(authorized("bob", "2026-05-03T08:01:00Z", 0));
        marked.put("failedSubjectId", "bob");
        add("a1", marked);

        assertEquals(List.of("f1", "a1"), about(findings));
        assertTrue(findings.get(0).detail().startsWith("marked as a failure of 'alice' though it is one of 'bob'"));
        assertTrue(findings.get(1).detail().endsWith("though it is not one the lockout counts"));
    }

    @Test
    void anUnreadableCountIsNamedAndDecisionsWithoutSubjectOrDateAreLeftAlone() {
        var unreadable = new HashMap<>(authorized("bob", T0, 0));
        unreadable.put("failuresCounted", "01");
        add("u1", unreadable);
        add("s1", Map.of("decidedAt", T0, "decision", "UNAUTHORIZED", "reasons", "LOCKED_OUT"));
        add("d1", Map.of("subjectId", "bob", "decidedAt", "soon", "decision", "UNAUTHORIZED", "reasons", "LOCKED_OUT"));

        assertEquals(List.of("u1"), about(check()));
        assertTrue(findings.get(0).detail().startsWith("its lockout count cannot be read: "), findings.get(0).detail());
    }

    private void add(String id, Map<String, String> item) {
        accounts.addDecision(item, id, findings::add);
    }

    private List<Finding> check() {
        accounts.check(findings::add);
        return findings;
    }

    private static List<String> about(List<Finding> named) {
        return named.stream().map(Finding::about).toList();
    }

    private static Map<String, String> failure(String subject, String at, int counted) {
        var item = new HashMap<>(decision(subject, at, counted, "UNAUTHORIZED", "NO_MATCH"));
        item.put("failedSubjectId", subject);
        return item;
    }

    private static Map<String, String> lockedOut(String subject, String at, int counted) {
        var item = new HashMap<>(decision(subject, at, counted, "UNAUTHORIZED", "LOCKED_OUT"));
        item.remove("similarity");
        return item;
    }

    private static Map<String, String> authorized(String subject, String at, int counted) {
        return decision(subject, at, counted, "AUTHORIZED", "");
    }

    private static Map<String, String> decision(String subject, String at, int counted, String decision, String reasons) {
        return Map.of("subjectId", subject, "decidedAt", Instant.parse(at).toString(), "decision", decision,
                "reasons", reasons, "similarity", "99.0", "failuresCounted", Integer.toString(counted), "lockoutLimit", "2",
                "lockoutWindowSeconds", "900");
    }
}
