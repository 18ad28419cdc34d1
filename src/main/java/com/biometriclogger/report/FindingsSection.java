package com.biometriclogger.report;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.evidence.Finding;
import java.util.List;

/** Every finding, each with the decision (a link to its row) or the seal or hour it is about. */
final class FindingsSection {

    private FindingsSection() {
    }

    static void write(Html page, List<Finding> findings, List<ReportedDecision> decisions, FindingPlaces places) {
        page.open("section", "id", "findings").element("h2", findings.isEmpty() ? "Findings: none"
                : "Findings: " + findings.size());
        if (findings.isEmpty()) {
            page.close("section");
            return;
        }
        page.open("table").open("thead").open("tr");
        List.of("", "problem", "about", "detail").forEach(name -> page.element("th", name));
        page.close("tr").close("thead").open("tbody");
        for (Finding finding : findings) {
            var row = places.row(finding);
            page.open("tr", "class", "bad", "data-problem", finding.problem().name(),
                    "data-row", row.map(String::valueOf).orElse(""));
            page.open("td").markup(PageAssets.BAD_ICON).close("td");
            page.element("td", finding.problem().name(), "class", "fail");
            page.open("td", "class", "about");
            if (row.isPresent()) {
                var decision = decisions.get(row.get());
                page.open("a", "href", "#" + DecisionsSection.rowId(row.get()))
                        .text("decision " + (row.get() + 1) + ": " + decision.get(AuditAttribute.OBJECT_KEY)).close("a")
                        .element("div", finding.about(), "class", "dim");
            } else {
                page.text(finding.about());
            }
            page.close("td").element("td", finding.detail()).close("tr");
        }
        page.close("tbody").close("table").close("section");
    }
}
