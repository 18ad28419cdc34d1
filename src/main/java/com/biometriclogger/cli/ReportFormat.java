package com.biometriclogger.cli;

import static com.biometriclogger.evidence.CanonicalForm.quote;

import com.biometriclogger.evidence.CanonicalForm;
import com.biometriclogger.evidence.EvidenceKey;
import com.biometriclogger.evidence.EvidenceReport;
import com.biometriclogger.evidence.Finding;
import java.util.stream.Collectors;

/** The verify report as a table for people and as JSON for machines; the same facts in both. */
final class ReportFormat {

    private ReportFormat() {
    }

    static String table(VerifyOptions options, EvidenceKey key, EvidenceReport report) {
        var text = new StringBuilder();
        text.append("evidence in ").append(options.table()).append(" (seals: ").append(options.sealTable())
                .append("), trusted key ").append(key.describe()).append('\n');
        row(text, "items checked", Integer.toString(report.itemsChecked()));
        row(text, "signatures valid", Integer.toString(report.signaturesValid()));
        row(text, "hours sealed", report.hoursSealed() == 0 ? "0"
                : report.hoursSealed() + " (" + report.firstSealedHour() + " to " + report.lastSealedHour() + " UTC)");
        row(text, "not yet sealed", report.unsealedItems() + " items");
        if (report.decisionsRederived() >= 0) {
            row(text, "decisions re-derived", report.decisionsRederived() + " (the others record no figures)");
        }
        if (report.imagesChecked() >= 0) {
            row(text, "images re-hashed", report.imagesChecked() + " (" + report.imagesGone() + " no longer stored)");
        }
        row(text, "problems", Integer.toString(report.findings().size()));
        if (!report.findings().isEmpty()) {
            int width = report.findings().stream().mapToInt(f -> f.subject().length()).max().orElse(0);
            text.append('\n').append(String.format("%-24s %-" + width + "s  %s%n", "problem", "subject", "detail"));
            for (Finding finding : report.findings()) {
                text.append(String.format("%-24s %-" + width + "s  %s%n", finding.problem(), finding.subject(), finding.detail()));
            }
        }
        report.warnings().forEach(w -> text.append("warning: ").append(w).append('\n'));
        text.append(report.clean() ? "RESULT: INTACT\n" : "RESULT: " + report.findings().size() + " PROBLEM(S) FOUND\n");
        return text.toString();
    }

    static String json(VerifyOptions options, EvidenceKey key, EvidenceReport report) {
        return "{\"table\":" + quote(options.table())
                + ",\"sealTable\":" + quote(options.sealTable())
                + ",\"trustedKey\":" + quote(key.describe())
                + ",\"intact\":" + report.clean()
                + ",\"itemsChecked\":" + report.itemsChecked()
                + ",\"signaturesValid\":" + report.signaturesValid()
                + ",\"hoursSealed\":" + report.hoursSealed()
                + ",\"firstSealedHour\":" + nullable(report.firstSealedHour())
                + ",\"lastSealedHour\":" + nullable(report.lastSealedHour())
                + ",\"unsealedItems\":" + report.unsealedItems()
                + ",\"decisionsRederived\":" + nullable(report.decisionsRederived())
                + ",\"imagesRehashed\":" + nullable(report.imagesChecked())
                + ",\"imagesGone\":" + report.imagesGone()
                + ",\"findings\":[" + report.findings().stream()
                        .map(f -> "{\"problem\":" + quote(f.problem().name()) + ",\"subject\":" + quote(f.subject())
                                + ",\"detail\":" + quote(f.detail()) + "}")
                        .collect(Collectors.joining(","))
                + "],\"warnings\":[" + report.warnings().stream().map(CanonicalForm::quote).collect(Collectors.joining(","))
                + "]}\n";
    }

    private static void row(StringBuilder text, String label, String value) {
        text.append(String.format("  %-22s %s%n", label, value));
    }

    private static String nullable(String value) {
        return value == null ? "null" : quote(value);
    }

    /** -1 means the check was not asked for. */
    private static String nullable(int value) {
        return value < 0 ? "null" : Integer.toString(value);
    }
}
