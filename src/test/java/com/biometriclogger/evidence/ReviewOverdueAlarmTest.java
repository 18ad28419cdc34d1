package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.biometriclogger.template.CloudWatchJsonFilter;
import com.biometriclogger.template.MetricFilters;
import com.biometriclogger.testing.LogCapture;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ReviewOverdueAlarm fires only if a line the seal run really logs, at the levels it ships with and through
 * its JSON encoder, matches the metric filter the alarm watches on the seal function's log group.
 */
class ReviewOverdueAlarmTest {

    private static final String WAITING = "a".repeat(64);
    private static final String REVIEWED = "b".repeat(64);
    private static final String AUTHORIZED = "c".repeat(64);

    private final Map<String, List<Map<String, String>>> hours = new HashMap<>();
    private final Set<String> present = new HashSet<>();

    private final OverdueReviews.Ledger ledger = new OverdueReviews.Ledger() {
        @Override
        public List<Map<String, String>> items(String period) {
            return hours.getOrDefault(period, List.of());
        }

        @Override
        public Set<String> present(List<String> attemptIds) {
            Set<String> found = new HashSet<>(attemptIds);
            found.retainAll(present);
            return found;
        }
    };

    /** Yesterday 08:00–09:00 UTC: two decisions for review, one of them reviewed since, and a match. */
    private void givenYesterdaysHour() {
        hours.put("2026-05-03T08", List.of(
                Map.of("attemptId", WAITING, "decision", "REVIEW_REQUIRED"),
                Map.of("attemptId", REVIEWED, "decision", "REVIEW_REQUIRED"),
                Map.of("attemptId", AUTHORIZED, "decision", "AUTHORIZED")));
        hours.put("2026-05-04T07", List.of(Map.of("attemptId", "review-" + REVIEWED, "kind", "REVIEW",
                "decision", "REVIEW_REQUIRED")));
        present.add("review-" + REVIEWED);
    }

    @Test
    void aDecisionWaitingPastTheAgeMovesTheAlarmOnceNamingItsAttempt() {
        givenYesterdaysHour();

        String logs = LogCapture.productionLogsOf(() -> new OverdueReviews(ledger, 24).check(List.of("2026-05-04T08")));

        assertEquals(List.of(WAITING), alarmed(logs), logs);
    }

    @Test
    void anHourNotYetThatOldAndARunSealingNothingMoveNothing() {
        givenYesterdaysHour();

        String younger = LogCapture.productionLogsOf(() -> new OverdueReviews(ledger, 24).check(List.of("2026-05-04T07")));
        String nothingSealed = LogCapture.productionLogsOf(() -> new OverdueReviews(ledger, 24).check(List.of()));

        assertEquals(List.of(), alarmed(younger), younger);
        assertEquals(List.of(), alarmed(nothingSealed), nothingSealed);
    }

    /** A sealer catching up seals several hours in one run: each older hour is looked at in its turn. */
    @Test
    void aRunSealingSeveralHoursChecksTheHourBehindEach() {
        givenYesterdaysHour();
        hours.put("2026-05-03T09", List.of(Map.of("attemptId", "d".repeat(64), "decision", "REVIEW_REQUIRED")));

        var overdue = new OverdueReviews(ledger, 24).check(List.of("2026-05-04T08", "2026-05-04T09"));

        assertEquals(List.of(WAITING, "d".repeat(64)), overdue);
    }

    @Test
    void aReviewMayWaitAnHourAtLeast() {
        assertThrows(IllegalArgumentException.class, () -> new OverdueReviews(ledger, 0));
    }

    /** The attempt id of each line the seal run logged that the alarm's metric filter counts. */
    private static List<String> alarmed(String logs) {
        String pattern = MetricFilters.patternAlarmedBy("ReviewOverdueAlarm", "SealFunction");
        return logs.lines().filter(l -> CloudWatchJsonFilter.matches(pattern, l))
                .map(l -> l.replaceFirst(".*\"attemptId\":\"([0-9a-f]+)\".*", "$1")).toList();
    }
}
