package com.biometriclogger.evidence;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.Decision;
import com.biometriclogger.decision.ReviewRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the decisions that have waited too long for a person: each {@code REVIEW_REQUIRED} decision
 * of the hour that ended {@code hours} before an hour the sealer has just sealed, with no review
 * record yet. Each is logged at WARN as {@code "alert":"REVIEW_OVERDUE"} with its attempt id (no
 * image, no subject), and the template's metric filter counts those lines for its alarm.
 *
 * <p>Why tied to sealing: each hour is sealed once, so each decision is looked at exactly once, from
 * {@code hours} to {@code hours} + 1 h 5 min after it was made (later if the sealer was down: it
 * catches up hour by hour), at the price of reading that hour's items a second time. The alarm says
 * a review became overdue; {@code review} lists every one still pending.
 */
public final class OverdueReviews {

    private static final Logger LOG = LoggerFactory.getLogger(OverdueReviews.class);

    /** The audit table as the seal function may read it: an hour's items, and whether items exist. */
    public interface Ledger extends Sealer.PeriodIndex {
        /** @return those of {@code attemptIds} that have an item */
        Set<String> present(List<String> attemptIds);
    }

    private final Ledger ledger;
    private final int hours;

    /** @param hours how long a decision may wait for its review; at least 1 */
    public OverdueReviews(Ledger ledger, int hours) {
        if (hours < 1) {
            throw new IllegalArgumentException("a review may wait at least 1 hour, got " + hours);
        }
        this.ledger = ledger;
        this.hours = hours;
    }

    /** @return the attempt ids found overdue, each logged */
    public List<String> check(List<String> sealedPeriods) {
        List<String> overdue = new ArrayList<>();
        for (String sealed : sealedPeriods) {
            String period = SealPeriod.parse(sealed).minusHours(hours).toString();
            var waiting = ledger.items(period).stream()
                    .filter(item -> !item.containsKey(AuditAttribute.KIND.stored()))
                    .filter(item -> Decision.REVIEW_REQUIRED.name().equals(item.get(AuditAttribute.DECISION.stored())))
                    .map(OverdueReviews::attemptId)
                    .toList();
            if (waiting.isEmpty()) {
                continue;
            }
            var reviewed = ledger.present(waiting.stream().map(ReviewRecord::idFor).toList());
            for (String attemptId : waiting) {
                if (!reviewed.contains(ReviewRecord.idFor(attemptId))) {
                    LOG.atWarn().addKeyValue("alert", "REVIEW_OVERDUE").addKeyValue("attemptId", attemptId)
                            .addKeyValue("period", period)
                            .log("decision {} of {} has waited over {} h for a review: target/bin/review lists it", attemptId,
                                    period, hours);
                    overdue.add(attemptId);
                }
            }
        }
        return overdue;
    }

    private static String attemptId(Map<String, String> item) {
        return item.getOrDefault(AuditAttribute.ATTEMPT_ID.stored(), "");
    }
}
