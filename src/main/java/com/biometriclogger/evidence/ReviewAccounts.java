package com.biometriclogger.evidence;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.Decision;
import com.biometriclogger.decision.ReviewRecord;
import com.biometriclogger.decision.ReviewRecord.Ground;
import com.biometriclogger.decision.ReviewRecord.Outcome;
import com.biometriclogger.evidence.Finding.Problem;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Whether each validly signed review record reviews a decision that may be reviewed: stored as
 * {@code review-<the attempt it names>} (so one per attempt), with an outcome and a ground, naming a
 * decision in the table with exactly the digest it records, which was REVIEW_REQUIRED (or
 * UNAUTHORIZED, for a contested one). A decision erased since is accounted for by its erasure record.
 * Counts the reviews, and the REVIEW_REQUIRED decisions still awaiting one.
 */
final class ReviewAccounts {

    /** What a review needs to know of a decision: which it was and its digest. */
    private record Reviewable(String decision, String digest) {
    }

    private final Map<String, Map<String, String>> records = new HashMap<>();
    private final Map<String, Reviewable> reviewable = new HashMap<>();

    /** Reviews that account for their decision, and REVIEW_REQUIRED decisions with none yet. */
    record Counts(int reviewed, int awaitingReview) {
    }

    /** A validly signed decision: kept only when some review could name it. */
    void addDecision(Map<String, String> attributes, String id) {
        String decision = value(attributes, AuditAttribute.DECISION);
        if (decision.equals(Decision.REVIEW_REQUIRED.name()) || decision.equals(Decision.UNAUTHORIZED.name())) {
            reviewable.put(id, new Reviewable(decision, CanonicalForm.digest(attributes)));
        }
    }

    /** A validly signed review record. */
    void addRecord(Map<String, String> attributes, String id, Consumer<Finding> findings) {
        String reviewedId = value(attributes, AuditAttribute.REVIEWED_ATTEMPT_ID);
        if (reviewedId.isEmpty() || !id.equals(ReviewRecord.idFor(reviewedId))) {
            findings.accept(new Finding(Problem.REVIEW_INVALID, id, "a review record must be stored as "
                    + ReviewRecord.ID_PREFIX + "<the attempt id it names>, and names '" + reviewedId + "'"));
        } else if (parsed(Outcome.class, value(attributes, AuditAttribute.REVIEW_OUTCOME)).isEmpty()
                || parsed(Ground.class, value(attributes, AuditAttribute.REVIEW_GROUND)).isEmpty()) {
            findings.accept(new Finding(Problem.REVIEW_INVALID, id, "outcome '" + value(attributes, AuditAttribute.REVIEW_OUTCOME)
                    + "' and ground '" + value(attributes, AuditAttribute.REVIEW_GROUND) + "': an outcome is one of "
                    + EnumSet.allOf(Outcome.class) + ", a ground one of " + EnumSet.allOf(Ground.class)));
        } else {
            records.put(reviewedId, attributes);
        }
    }

    /**
     * @param present whether an item is in the table
     * @param erased  whether an erasure record accounts for an attempt gone from the table
     */
    Counts check(Predicate<String> present, Predicate<String> erased, Consumer<Finding> findings) {
        int reviewed = 0;
        for (var entry : new TreeMap<>(records).entrySet()) {
            String reviewedId = entry.getKey();
            var record = entry.getValue();
            String about = ReviewRecord.idFor(reviewedId);
            var decision = Optional.ofNullable(reviewable.get(reviewedId));
            var ground = Ground.valueOf(value(record, AuditAttribute.REVIEW_GROUND));
            if (decision.isEmpty() && !present.test(reviewedId) && erased.test(reviewedId)) {
                reviewed++;
            } else if (decision.isEmpty() || !Ground.of(decision.get().decision(), ground == Ground.CONTESTED).equals(Optional.of(ground))) {
                findings.accept(new Finding(Problem.REVIEW_OF_UNREVIEWABLE, about, "reviews " + reviewedId + " on ground "
                        + ground + ", but " + decision.map(d -> "that decision is " + d.decision())
                                .orElse(present.test(reviewedId) ? "that item is neither REVIEW_REQUIRED nor UNAUTHORIZED"
                                        : "no such decision is in the table, and no erasure record accounts for it")));
            } else if (!decision.get().digest().equals(value(record, AuditAttribute.REVIEWED_DIGEST))) {
                findings.accept(new Finding(Problem.REVIEW_MISMATCH, about, "names digest " + value(record, AuditAttribute.REVIEWED_DIGEST)
                        + " for " + reviewedId + ", which is stored with " + decision.get().digest()));
            } else {
                reviewed++;
            }
        }
        long awaiting = reviewable.entrySet().stream()
                .filter(d -> d.getValue().decision().equals(Decision.REVIEW_REQUIRED.name()) && !records.containsKey(d.getKey()))
                .count();
        return new Counts(reviewed, (int) awaiting);
    }

    private static <E extends Enum<E>> Optional<E> parsed(Class<E> type, String name) {
        return EnumSet.allOf(type).stream().filter(constant -> constant.name().equals(name)).findFirst();
    }

    private static String value(Map<String, String> attributes, AuditAttribute attribute) {
        return attributes.getOrDefault(attribute.stored(), "");
    }
}
