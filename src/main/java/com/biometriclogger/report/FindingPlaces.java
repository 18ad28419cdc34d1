package com.biometriclogger.report;

import com.biometriclogger.evidence.Finding;
import com.biometriclogger.evidence.SealPeriod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each finding belongs on the page, for any finding verify makes: the decision it is about
 * (its attempt id is the finding's subject), and the hours it concerns (the decision's, or the hours
 * a seal finding names: {@code seal 2026-05-03T08}, {@code 2026-05-03T08 to 2026-05-03T11}, an
 * archive key, or for an item no longer in the table, the hour its detail says it was sealed in).
 */
final class FindingPlaces {

    private static final Pattern HOUR = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T\\d{2}) to (\\d{4}-\\d{2}-\\d{2}T\\d{2})");
    /** A range longer than this is marked at its ends only: a hostile hour must not make the page walk years. */
    private static final int LONGEST_RANGE = 24 * 31;

    /** Row number (from 0) of each decision, by attempt id. */
    private final Map<String, Integer> rows = new HashMap<>();
    private final List<ReportedDecision> decisions;
    private final Map<Finding, Optional<Integer>> rowOf = new LinkedHashMap<>();
    private final Map<String, List<Finding>> byHour = new HashMap<>();
    private final Map<Integer, List<Finding>> byRow = new HashMap<>();

    FindingPlaces(List<ReportedDecision> decisions, List<Finding> findings) {
        this.decisions = decisions;
        for (int i = 0; i < decisions.size(); i++) {
            rows.putIfAbsent(decisions.get(i).attemptId(), i);
        }
        findings.forEach(this::place);
    }

    private void place(Finding finding) {
        Optional<Integer> row = Optional.ofNullable(rows.get(finding.about()));
        rowOf.put(finding, row);
        row.ifPresent(r -> byRow.computeIfAbsent(r, k -> new ArrayList<>()).add(finding));
        hours(finding, row).forEach(hour -> byHour.computeIfAbsent(hour, k -> new ArrayList<>()).add(finding));
    }

    private SortedSet<String> hours(Finding finding, Optional<Integer> row) {
        var hours = new TreeSet<String>();
        if (row.isPresent()) {
            hours.add(decisions.get(row.get()).hour());
            return hours;
        }
        Matcher range = RANGE.matcher(finding.about());
        if (range.find()) {
            try {
                var from = SealPeriod.parse(range.group(1));
                var to = SealPeriod.parse(range.group(2));
                for (var hour = from; !hour.isAfter(to) && from.hoursUntil(hour) <= LONGEST_RANGE; hour = hour.next()) {
                    hours.add(hour.toString());
                }
                hours.add(to.toString());
            } catch (IllegalArgumentException e) {
                // Not two hours after all: the plain search below still finds what it names.
            }
        }
        allHours(finding.about(), hours);
        if (hours.isEmpty()) {
            allHours(finding.detail(), hours);
        }
        return hours;
    }

    private static void allHours(String text, SortedSet<String> into) {
        Matcher hour = HOUR.matcher(text);
        while (hour.find()) {
            into.add(hour.group());
        }
    }

    /** The row of the decision the finding is about; empty when it is about a seal, an hour or an item not read. */
    Optional<Integer> row(Finding finding) {
        return rowOf.getOrDefault(finding, Optional.empty());
    }

    List<Finding> ofRow(int row) {
        return byRow.getOrDefault(row, List.of());
    }

    List<Finding> ofHour(String hour) {
        return byHour.getOrDefault(hour, List.of());
    }

    /** Every hour a finding concerns. */
    SortedSet<String> hours() {
        return new TreeSet<>(byHour.keySet());
    }
}
