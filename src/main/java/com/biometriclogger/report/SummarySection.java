package com.biometriclogger.report;

import com.biometriclogger.evidence.EvidenceKey;
import com.biometriclogger.evidence.EvidenceReport;
import com.biometriclogger.util.Plural;
import java.util.ArrayList;
import java.util.List;

/** The result first, then exactly what was checked and what was not, as verify's table says it. */
final class SummarySection {

    private SummarySection() {
    }

    static void write(Html page, ReportContext context, EvidenceReport report) {
        String kind = context.status() == 0 ? "ok" : context.status() == 1 ? "bad" : "partial";
        page.open("section", "id", "result").open("div", "class", "result " + kind)
                .markup(context.status() == 0 ? PageAssets.OK_ICON : context.status() == 1 ? PageAssets.BAD_ICON
                        : PageAssets.WARN_ICON)
                .element("span", "RESULT: " + context.result()).close("div");
        page.open("div", "class", "checks").open("div").element("h3", "Checked");
        list(page, checked(context, report));
        page.close("div").open("div").element("h3", "Not checked");
        list(page, notChecked(context, report));
        page.close("div").close("div");
        if (!report.warnings().isEmpty()) {
            page.element("h3", "Warnings");
            list(page, report.warnings());
        }
        page.close("section");
    }

    private static List<String> checked(ReportContext context, EvidenceReport report) {
        List<String> lines = new ArrayList<>();
        lines.add("evidence in table " + context.table() + ", seals in table " + context.sealTable());
        context.itemKeys().forEach(key -> lines.add("items signed by " + key(key)));
        context.sealKeys().forEach(key -> lines.add("seals signed by " + key(key)));
        context.archive().ifPresent(archive -> lines.add("each seal against its write-once copy in " + archive));
        lines.add(Plural.of(report.itemsChecked(), "item") + " checked, " + report.signaturesValid() + " signatures valid");
        lines.add(report.periodsSealed() == 0 ? "no hour sealed"
                : Plural.of(report.periodsSealed(), "hour") + " sealed, " + report.firstSealedPeriod().orElseThrow() + " to "
                        + report.lastSealedPeriod().orElseThrow() + " UTC");
        report.decisionsRederived().ifPresent(count -> lines.add(Plural.of(count, "decision")
                + " re-derived from their recorded figures and thresholds"));
        report.imagesRehashed().ifPresent(count -> lines.add(Plural.of(count, "image version")
                + " re-hashed (" + report.imagesGone() + " no longer stored)"));
        if (report.erased() > 0) {
            lines.add(Plural.of(report.erased(), "item") + " erased under a valid erasure record");
        }
        return lines;
    }

    private static List<String> notChecked(ReportContext context, EvidenceReport report) {
        List<String> lines = new ArrayList<>();
        if (context.archive().isEmpty()) {
            lines.add("the seal archive (give --seal-archive): a seal rewritten by the seal role could go unnamed");
        }
        if (!context.rederived()) {
            lines.add("decisions against their figures (give --rederive)");
        }
        if (!context.imagesRehashed()) {
            lines.add("image versions against their hashes (give --check-images)");
        }
        if (report.unsealedItems() > 0) {
            lines.add(Plural.of(report.unsealedItems(), "item") + " in hours not yet sealed: not yet protected against "
                    + "deletion");
        }
        lines.add("what Rekognition answered: the page shows the figures as recorded and signed");
        return lines;
    }

    private static String key(EvidenceKey key) {
        return key.keyId().map(id -> id + " (public key sha256:" + key.fingerprint() + ")")
                .orElseGet(() -> "public key sha256:" + key.fingerprint());
    }

    static void list(Html page, List<String> lines) {
        page.open("ul");
        lines.forEach(line -> page.element("li", line));
        page.close("ul");
    }
}
