package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewAccountsTest {

    private static final String NEAR = "a".repeat(64);
    private static final String REFUSED = "b".repeat(64);
    private static final String AUTHORIZED = "c".repeat(64);

    private final ReviewAccounts accounts = new ReviewAccounts();
    private final List<Finding> findings = new ArrayList<>();

    @Test
    void aReviewOfAReviewRequiredDecisionCountsAndTheOthersAwaitTheirs() {
        accounts.addDecision(decision(NEAR, "REVIEW_REQUIRED"), NEAR);
        accounts.addDecision(decision(AUTHORIZED, "REVIEW_REQUIRED"), AUTHORIZED);
        accounts.addRecord(review(NEAR, "REVIEW_REQUIRED", decision(NEAR, "REVIEW_REQUIRED")), "review-" + NEAR, findings::add);

        assertEquals(new ReviewAccounts.Counts(1, 1), accounts.check(id -> false, id -> false, findings::add));
        assertEquals(List.of(), findings);
    }

    @Test
    void aContestedUnauthorizedDecisionMayBeReviewedButNotOnAnotherGround() {
        accounts.addDecision(decision(REFUSED, "UNAUTHORIZED"), REFUSED);
        accounts.addRecord(review(REFUSED, "CONTESTED", decision(REFUSED, "UNAUTHORIZED")), "review-" + REFUSED, findings::add);
        assertEquals(new ReviewAccounts.Counts(1, 0), accounts.check(id -> false, id -> false, findings::add));

        var other = new ReviewAccounts();
        other.addDecision(decision(REFUSED, "UNAUTHORIZED"), REFUSED);
        other.addRecord(review(REFUSED, "REVIEW_REQUIRED", decision(REFUSED, "UNAUTHORIZED")), "review-" + REFUSED, findings::add);
        assertEquals(new ReviewAccounts.Counts(0, 0), other.check(id -> false, id -> false, findings::add));
        assertEquals(List.of("REVIEW_OF_UNREVIEWABLE review-" + REFUSED), named(findings));
    }

    /** A holder of the signing key can sign a review of anything: verify names what may not be reviewed. */
    @Test
    void aForgedReviewOfAnAuthorizedOrMissingDecisionIsNamed() {
        accounts.addDecision(decision(AUTHORIZED, "AUTHORIZED"), AUTHORIZED);
        accounts.addRecord(review(AUTHORIZED, "CONTESTED", decision(AUTHORIZED, "AUTHORIZED")), "review-" + AUTHORIZED, findings::add);
        accounts.addRecord(review(NEAR, "REVIEW_REQUIRED", decision(NEAR, "REVIEW_REQUIRED")), "review-" + NEAR, findings::add);

        assertEquals(new ReviewAccounts.Counts(0, 0), accounts.check(AUTHORIZED::equals, id -> false, findings::add));
        assertEquals(List.of("REVIEW_OF_UNREVIEWABLE review-" + NEAR, "REVIEW_OF_UNREVIEWABLE review-" + AUTHORIZED), named(findings));
        assertEquals("reviews " + AUTHORIZED + " on ground CONTESTED, but that item is neither REVIEW_REQUIRED nor UNAUTHORIZED",
                findings.get(1).detail());
    }

    @Test
    void aReviewOfADecisionErasedSinceStillCounts() {
        accounts.addRecord(review(NEAR, "REVIEW_REQUIRED", decision(NEAR, "REVIEW_REQUIRED")), "review-" + NEAR, findings::add);

        assertEquals(new ReviewAccounts.Counts(1, 0), accounts.check(id -> false, NEAR::equals, findings::add));
        assertEquals(List.of(), findings);
    }

    @Test
    void aReviewOfOtherContentThanTheStoredDecisionIsNamed() {
        accounts.addDecision(decision(NEAR, "REVIEW_REQUIRED"), NEAR);
        var reviewedContent = decision(NEAR, "REVIEW_REQUIRED");
        reviewedContent.put("similarity", "90");
        accounts.addRecord(review(NEAR, "REVIEW_REQUIRED", reviewedContent), "review-" + NEAR, findings::add);

        accounts.check(id -> false, id -> false, findings::add);

        assertEquals(List.of("REVIEW_MISMATCH review-" + NEAR), named(findings));
    }

    /** Stored under another id, a second review of one attempt would escape the one-review-per-attempt key. */
    @Test
    void aReviewNotStoredUnderItsAttemptOrWithoutAValidOutcomeIsInvalid() {
        accounts.addRecord(review(NEAR, "REVIEW_REQUIRED", decision(NEAR, "REVIEW_REQUIRED")), "review-" + NEAR + "-2", findings::add);
        var noOutcome = review(NEAR, "REVIEW_REQUIRED", decision(NEAR, "REVIEW_REQUIRED"));
        noOutcome.put("reviewOutcome", "MAYBE");
        accounts.addRecord(noOutcome, "review-" + NEAR, findings::add);

        assertEquals(List.of("REVIEW_INVALID review-" + NEAR + "-2", "REVIEW_INVALID review-" + NEAR), named(findings));
    }

    private static Map<String, String> decision(String id, String decision) {
        var item = new HashMap<String, String>();
        item.put("attemptId", id);
        item.put("decision", decision);
        item.put("similarity", "93");
        return item;
    }

    private static Map<String, String> review(String reviewedId, String ground, Map<String, String> reviewed) {
        var record = new HashMap<String, String>();
        record.put("attemptId", "review-" + reviewedId);
        record.put("kind", "REVIEW");
        record.put("reviewedAttemptId", reviewedId);
        record.put("reviewedDigest", CanonicalForm.digest(reviewed));
        record.put("reviewOutcome", "APPROVED");
        record.put("reviewGround", ground);
        return record;
    }

    private static List<String> named(List<Finding> findings) {
        return findings.stream().map(f -> f.problem() + " " + f.about()).toList();
    }
}
