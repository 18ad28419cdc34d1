package com.biometriclogger.report;

import static com.biometriclogger.decision.AuditAttribute.*;

import com.biometriclogger.decision.Decision;
import com.biometriclogger.evidence.Finding;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The decisions read, one row each: what was decided on which figures against which thresholds,
 * whether the signature holds and the hour is sealed, and the findings about it. A row with a
 * finding is marked three ways (colour, icon, the problems' names), so print or colour blindness
 * loses nothing. The filter bar is hidden until the page's script shows it: without scripts every
 * row is simply there.
 */
final class DecisionsSection {

    private DecisionsSection() {
    }

    static String rowId(int row) {
        return "d" + (row + 1);
    }

    /** @param images with {@code --with-images} only: the images column */
    static void write(Html page, List<ReportedDecision> decisions, FindingPlaces places, Map<String, String> sealedHours,
                      Optional<ImagesCell> images) {
        page.open("section", "id", "decisions-section").element("h2", "Decisions: " + decisions.size());
        filters(page);
        page.open("table", "id", "decisions").open("thead").open("tr");
        header(page, "", "");
        header(page, "decided at (UTC)", "time");
        header(page, "subject", "subject");
        header(page, "image (object key, version)", "");
        images.ifPresent(cell -> header(page, "judged image with face boxes; reference", ""));
        header(page, "decision, reasons", "decision");
        header(page, "similarity vs threshold", "");
        header(page, "face confidence", "");
        header(page, "pose yaw / pitch / roll", "");
        header(page, "signature", "");
        header(page, "seal", "");
        page.close("tr").close("thead").open("tbody");
        for (int i = 0; i < decisions.size(); i++) {
            row(page, i, decisions.get(i), places.ofRow(i), sealedHours.containsKey(decisions.get(i).hour()), images);
        }
        page.close("tbody").close("table").close("section");
    }

    private static void filters(Html page) {
        page.open("div", "id", "filters", "hidden", "hidden")
                .open("label").text("subject ").open("input", "id", "f-subject", "type", "search").close("label")
                .open("label").text("decision ").open("select", "id", "f-decision").element("option", "any", "value", "");
        for (Decision decision : Decision.values()) {
            page.element("option", decision.name(), "value", decision.name());
        }
        page.close("select").close("label")
                .open("label").text("reason ").open("input", "id", "f-reason", "type", "search").close("label")
                .open("label").open("input", "id", "f-findings", "type", "checkbox").text(" only rows with findings")
                .close("label").element("span", "", "id", "f-count", "class", "dim").close("div");
    }

    private static void header(Html page, String name, String sortKey) {
        if (sortKey.isEmpty()) {
            page.element("th", name);
        } else {
            page.element("th", name + " \u2195", "data-sort", sortKey, "title", "sort");
        }
    }

    private static void row(Html page, int index, ReportedDecision decision, List<Finding> findings, boolean sealed,
                            Optional<ImagesCell> images) {
        String problems = findings.stream().map(f -> f.problem().name()).distinct().collect(Collectors.joining(", "));
        page.open("tr", "id", rowId(index), "class", findings.isEmpty() ? "good" : "bad",
                "data-time", decision.get(DECIDED_AT), "data-subject", decision.get(SUBJECT_ID),
                "data-decision", decision.get(DECISION), "data-reasons", decision.get(REASONS),
                "data-findings", Integer.toString(findings.size()));
        page.open("td", "class", "status");
        if (findings.isEmpty()) {
            page.markup(PageAssets.OK_ICON).text(" no finding");
        } else {
            page.markup(PageAssets.BAD_ICON).open("span", "class", "flag").text(" " + problems).close("span");
        }
        page.close("td").element("td", decision.get(DECIDED_AT).replace('T', ' '), "class", "time")
                .element("td", decision.get(SUBJECT_ID));
        page.open("td", "class", "key").text(decision.get(OBJECT_KEY))
                .element("div", decision.get(VERSION_ID), "class", "dim").close("td");
        images.ifPresent(cell -> cell.write(page, decision));
        page.open("td").element("span", decision.get(DECISION), "class", cssClass(decision.get(DECISION)));
        decision.reasons().forEach(reason -> page.element("div", reason));
        page.close("td");
        page.open("td", "class", "similarity");
        Figures.similarity(page, decision.similarity(), decision.similarityThreshold());
        page.close("td").open("td");
        Figures.confidence(page, decision);
        page.close("td").open("td");
        Figures.pose(page, decision);
        page.close("td");
        page.element("td", decision.signatureHolds() ? "valid" : "NOT VALID", "class", decision.signatureHolds() ? "" : "fail");
        page.element("td", sealed ? "hour " + decision.hour() + " sealed" : "hour " + decision.hour() + " not sealed",
                "class", sealed ? "" : "dim");
        page.close("tr");
    }

    /** The decision as a class name only when it is one of ours: a stored value never names a class. */
    private static String cssClass(String decision) {
        for (Decision known : Decision.values()) {
            if (known.name().equals(decision)) {
                return known.name();
            }
        }
        return "unknown";
    }
}
