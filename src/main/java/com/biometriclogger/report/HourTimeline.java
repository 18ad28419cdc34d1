package com.biometriclogger.report;

import com.biometriclogger.evidence.Finding;
import com.biometriclogger.evidence.SealPeriod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The hours a page shows, oldest first: every hour from the first to the last one the ledger or a
 * finding names (so a gap shows as a gap), or only those hours when the span is too long to draw.
 */
final class HourTimeline {

    /** Two weeks of hours; a longer span shows the hours named only. */
    private static final int LONGEST_SPAN = 24 * 14;

    enum Seal { SEALED, LATE, MISSING, NOT_YET_SEALED }

    /**
     * @param sealedAt when its seal says it was sealed, empty when no seal was read for it
     * @param archived whether the archive holds its seal (false also when the archive was not read)
     * @param decisions how many decisions read are filed under it
     */
    record Hour(String hour, Seal seal, String sealedAt, boolean archived, int decisions, List<Finding> findings) {
    }

    private HourTimeline() {
    }

    static List<Hour> of(LedgerRead ledger, FindingPlaces places) {
        var named = ledger.hoursSeen();
        named.addAll(places.hours());
        var hours = new TreeSet<SealPeriod>();
        for (String hour : named) {
            try {
                hours.add(SealPeriod.parse(hour));
            } catch (IllegalArgumentException e) {
                // An item filed under something that is no hour: its finding names it; no place on a timeline.
            }
        }
        if (!hours.isEmpty() && hours.first().hoursUntil(hours.last()) <= LONGEST_SPAN) {
            for (var hour = hours.first(); hour.isBefore(hours.last()); hour = hour.next()) {
                hours.add(hour);
            }
        }
        Map<String, String> sealed = ledger.sealedHours();
        Map<String, Long> decisionsByHour = ledger.decisions().stream()
                .collect(Collectors.groupingBy(ReportedDecision::hour, Collectors.counting()));
        List<Hour> timeline = new ArrayList<>();
        for (var period : hours) {
            String hour = period.toString();
            var findings = places.ofHour(hour);
            int decisions = decisionsByHour.getOrDefault(hour, 0L).intValue();
            boolean archived = ledger.archived(hour);
            timeline.add(new Hour(hour, seal(findings, sealed.containsKey(hour) || archived), sealed.getOrDefault(hour, ""),
                    archived, decisions, findings));
        }
        return timeline;
    }

    private static Seal seal(List<Finding> findings, boolean sealed) {
        if (findings.stream().anyMatch(f -> f.problem() == Finding.Problem.SEAL_MISSING)) {
            return Seal.MISSING;
        }
        if (findings.stream().anyMatch(f -> f.problem() == Finding.Problem.SEALED_LATE)) {
            return Seal.LATE;
        }
        return sealed ? Seal.SEALED : Seal.NOT_YET_SEALED;
    }
}
