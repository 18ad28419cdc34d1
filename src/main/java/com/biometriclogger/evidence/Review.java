package com.biometriclogger.evidence;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.AuditItem;
import com.biometriclogger.decision.Decision;
import com.biometriclogger.decision.ReviewRecord;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A person's review of automated decisions: lists the REVIEW_REQUIRED decisions no review record
 * reviews yet, and records one review as a new signed {@link ReviewRecord}, written once. The reviewed
 * decision is never changed. Only a decision that verifies under a trusted item key is reviewed: a
 * review of a forged or altered decision would lend it a person's authority.
 */
public final class Review {

    /** The audit table, as review uses it. */
    public interface Ledger {
        /** The REVIEW_REQUIRED decisions and every review record, as stored. */
        List<AuditItem> reviewRequiredAndReviews();

        /** The item stored under {@code attemptId}, read consistently. */
        Optional<AuditItem> find(String attemptId);

        /** @return the record already stored under the same id, when there is one (nothing is written then) */
        Optional<AuditItem> putOnce(AuditItem record);
    }

    /** What became of a request to record a review. */
    public sealed interface Result {
        /** The review is recorded. */
        record Recorded(AuditItem record) implements Result {
        }

        /** The attempt has a review already: at most one per attempt, so nothing was written. */
        record AlreadyReviewed(AuditItem earlier) implements Result {
        }

        /** The attempt may not be reviewed (missing, not reviewable, or not trustworthy evidence). */
        record Refused(String why) implements Result {
        }
    }

    private final Ledger ledger;
    private final SignatureCheck trusted;
    private final EvidenceSigning signing;
    private final Commitment.Archive commitments;
    private final Clock clock;

    /**
     * @param trusted     the item keys, as verify trusts them: a decision must verify under one to be reviewed
     * @param commitments where each record is committed once stored, as the function commits decisions: a
     *                    reviewer who can put review records cannot then rewrite one unnamed before its hour is sealed
     */
    public Review(Ledger ledger, SignatureCheck trusted, EvidenceSigning signing, Commitment.Archive commitments,
                  Clock clock) {
        this.ledger = ledger;
        this.trusted = trusted;
        this.signing = signing;
        this.commitments = commitments;
        this.clock = clock;
    }

    /** The REVIEW_REQUIRED decisions without a review record, oldest first. */
    public List<AuditItem> pending() {
        var items = ledger.reviewRequiredAndReviews();
        Set<String> reviewed = items.stream().filter(item -> ReviewRecord.isReview(item.attributes()))
                .map(item -> item.get(AuditAttribute.REVIEWED_ATTEMPT_ID).orElse("")).collect(Collectors.toSet());
        return items.stream()
                .filter(item -> item.get(AuditAttribute.DECISION).equals(Optional.of(Decision.REVIEW_REQUIRED.name())))
                .filter(item -> !reviewed.contains(item.attemptId()))
                .sorted(Comparator.comparing((AuditItem item) -> item.get(AuditAttribute.DECIDED_AT).orElse(""))
                        .thenComparing(AuditItem::attemptId))
                .toList();
    }

    public Result record(String attemptId, ReviewRecord.Request request) {
        var reviewed = ledger.find(attemptId);
        if (reviewed.isEmpty() || reviewed.get().get(AuditAttribute.KIND).isPresent()) {
            return new Result.Refused("no decision " + attemptId + " in the table");
        }
        String decision = reviewed.get().get(AuditAttribute.DECISION).orElse("");
        var ground = ReviewRecord.Ground.of(decision, request.contested());
        if (ground.isEmpty()) {
            return new Result.Refused(attemptId + " is " + decision + ": only a REVIEW_REQUIRED decision is reviewed, "
                    + "or an UNAUTHORIZED one its subject contests (--contested)");
        }
        var untrusted = trusted.problem(reviewed.get().attributes(), attemptId);
        if (untrusted.isPresent()) {
            return new Result.Refused(attemptId + " is not trustworthy evidence (" + untrusted.get().problem() + ": "
                    + untrusted.get().detail() + "): run verify, and investigate before any review");
        }
        var record = signing.signItem(ReviewRecord.of(reviewed.get(), CanonicalForm.digest(reviewed.get().attributes()),
                ground.get(), request, clock.instant()));
        var earlier = ledger.putOnce(record);
        // The record as stored (the first one, when there is one), so a rerun finishes a commitment that failed.
        commitments.commitOnce(Commitment.of(earlier.orElse(record).attributes()));
        return earlier.<Result>map(Result.AlreadyReviewed::new).orElseGet(() -> new Result.Recorded(record));
    }
}
