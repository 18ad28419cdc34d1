package com.biometriclogger.decision;

import static com.biometriclogger.decision.AuditAttribute.*;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A person's review of one attempt, stored in the audit table beside the decisions so that it is
 * signed, sealed and archived like them: keyed {@code review-<attemptId>} (so an attempt has at most
 * one review) and marked {@code kind=REVIEW}. The reviewed decision is never changed: the review
 * stands beside it and names it by id and digest. It is dated by {@code decidedAt}, the instant the
 * reviewer decided, and sealed in that hour.
 */
public final class ReviewRecord {

    public static final String KIND = "REVIEW";
    public static final String ID_PREFIX = "review-";
    /** The attributes only a review record carries. */
    public static final Set<AuditAttribute> ONLY_ON_REVIEWS = Collections.unmodifiableSet(EnumSet.of(
            REVIEWED_ATTEMPT_ID, REVIEWED_DIGEST, REVIEW_OUTCOME, REVIEW_GROUND, REVIEW_REASON, REVIEWED_BY));

    public enum Outcome { APPROVED, DENIED }

    /** Why the attempt may be reviewed at all. */
    public enum Ground {
        /** The decision was {@link Decision#REVIEW_REQUIRED}. */
        REVIEW_REQUIRED,
        /** The decision was {@link Decision#UNAUTHORIZED} and the subject asked for a person to look at it. */
        CONTESTED;

        /** The ground a decision gives for a review; empty when it may not be reviewed (an UNAUTHORIZED one only if contested). */
        public static Optional<Ground> of(String decision, boolean contested) {
            if (decision.equals(Decision.REVIEW_REQUIRED.name())) {
                return Optional.of(REVIEW_REQUIRED);
            }
            return contested && decision.equals(Decision.UNAUTHORIZED.name()) ? Optional.of(CONTESTED)
                    : Optional.empty();
        }
    }

    /** What the reviewer decided and why, as given on the command line. */
    public record Request(Outcome outcome, String reason, String reviewedBy, boolean contested) {
    }

    private ReviewRecord() {
    }

    public static String idFor(String reviewedAttemptId) {
        return ID_PREFIX + reviewedAttemptId;
    }

    public static boolean isReview(Map<String, String> attributes) {
        return KIND.equals(attributes.get(AuditAttribute.KIND.stored()));
    }

    /**
     * The unsigned record of reviewing {@code reviewed}.
     *
     * @param reviewedDigest the reviewed item's canonical form's SHA-256
     */
    public static AuditItem of(AuditItem reviewed, String reviewedDigest, Ground ground, Request request, Instant reviewedAt) {
        var record = new TreeMap<String, String>();
        record.put(ATTEMPT_ID.stored(), idFor(reviewed.attemptId()));
        record.put(AuditAttribute.KIND.stored(), KIND);
        record.put(REVIEWED_ATTEMPT_ID.stored(), reviewed.attemptId());
        record.put(REVIEWED_DIGEST.stored(), reviewedDigest);
        record.put(REVIEW_OUTCOME.stored(), request.outcome().name());
        record.put(REVIEW_GROUND.stored(), ground.name());
        record.put(REVIEW_REASON.stored(), request.reason());
        record.put(REVIEWED_BY.stored(), request.reviewedBy());
        record.put(DECIDED_AT.stored(), reviewedAt.toString());
        record.put(SCHEMA_VERSION.stored(), AuditItem.SCHEMA_VERSION);
        return AuditItem.of(record);
    }
}
