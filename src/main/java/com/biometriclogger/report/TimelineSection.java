package com.biometriclogger.report;

import com.biometriclogger.evidence.Finding;
import com.biometriclogger.util.Plural;
import java.util.List;
import java.util.stream.Collectors;

/** The hours in a row: sealed, archived, late, missing, and how many findings each has. */
final class TimelineSection {

    private TimelineSection() {
    }

    static void write(Html page, List<HourTimeline.Hour> hours, boolean archiveRead) {
        page.open("section", "id", "timeline").element("h2", "Hours (UTC)");
        if (hours.isEmpty()) {
            page.element("p", "No hour holds a decision or a seal.");
        }
        page.open("ol", "class", "hours");
        for (var hour : hours) {
            boolean flagged = !hour.findings().isEmpty();
            String kind = switch (hour.seal()) {
                case MISSING -> "missing";
                case LATE -> flagged && hour.findings().stream().anyMatch(f -> f.problem() != Finding.Problem.SEALED_LATE)
                        ? "bad" : "late";
                case SEALED -> flagged ? "bad" : "ok";
                case NOT_YET_SEALED -> flagged ? "bad" : "open";
            };
            page.open("li", "class", "hour " + kind, "data-hour", hour.hour(), "data-findings",
                    Integer.toString(hour.findings().size()));
            page.markup(flagged || hour.seal() == HourTimeline.Seal.MISSING ? PageAssets.BAD_ICON
                    : hour.seal() == HourTimeline.Seal.SEALED ? PageAssets.OK_ICON : PageAssets.WARN_ICON);
            page.element("b", hour.hour().replace('T', ' ') + ":00");
            page.element("span", status(hour, archiveRead));
            page.element("div", Plural.of(hour.decisions(), "decision"), "class", "dim");
            if (flagged) {
                page.element("div", Plural.of(hour.findings().size(), "finding") + ": " + hour.findings().stream()
                        .map(f -> f.problem().name()).distinct().collect(Collectors.joining(", ")), "class", "flag");
            }
            page.close("li");
        }
        page.close("ol").close("section");
    }

    private static String status(HourTimeline.Hour hour, boolean archiveRead) {
        String archived = !archiveRead ? "" : hour.archived() ? ", archived" : ", NOT archived";
        return switch (hour.seal()) {
            case SEALED -> "sealed" + archived;
            case LATE -> "sealed LATE" + archived;
            case MISSING -> "seal MISSING" + archived;
            case NOT_YET_SEALED -> "not yet sealed" + archived;
        };
    }
}
