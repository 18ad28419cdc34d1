package com.biometriclogger.cli;

import static com.biometriclogger.evidence.CanonicalForm.quote;

import com.biometriclogger.evidence.CanonicalForm;
import com.biometriclogger.evidence.EvidenceKey;
import com.biometriclogger.evidence.EvidenceReport;
import com.biometriclogger.evidence.Finding;
import java.util.Optional;
import java.util.stream.Collectors;

/** The verify report as a table for people and as JSON for machines; the same facts in both. */
final class ReportFormat {

    private ReportFormat() {
    }

    static String table(VerifyOptions options, EvidenceKey key, EvidenceKey sealKey, EvidenceReport report) {
        var text = new StringBuilder();
        text.append("evidence in ").append(options.table()).append(" (seals: ").append(options.sealTable())
                .append("), trusted key ").append(key.describe()).append('\n');
        text.append("seals signed by ").append(sealKey.describe()).append(", archive ")
                .append(options.archive().map(a -> "s3://" + a.bucket() + "/" + a.prefix()).orElse("not checked"))
                .append('\n');
        row(text, "items checked", Integer.toString(report.itemsChecked()));
        row(text, "signatures valid", Integer.toString(report.signaturesValid()));
        row(text, "hours sealed", report.hoursSealed() == 0 ? "0"
                : report.hoursSealed() + " (" + report.firstSealedHour().orElseThrow() + " to "
                        + report.lastSealedHour().orElseThrow() + " UTC)");
        row(text, "not yet sealed", report.unsealedItems() + " items");
        report.decisionsRederived().ifPresent(count ->
                row(text, "decisions re-derived", count + " (the others record no figures)"));
        report.imagesRehashed().ifPresent(count ->
                row(text, "images re-hashed", count + " (" + report.imagesGone() + " no longer stored)"));
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

    static String json(VerifyOptions options, EvidenceKey key, EvidenceKey sealKey, EvidenceReport report) {
        return "{\"table\":" + quote(options.table())
                + ",\"sealTable\":" + quote(options.sealTable())
                + ",\"trustedKey\":" + quote(key.describe())
                + ",\"trustedSealKey\":" + quote(sealKey.describe())
                + ",\"sealArchive\":" + nullable(options.archive().map(a -> "s3://" + a.bucket() + "/" + a.prefix()))
                + ",\"intact\":" + report.clean()
                + ",\"itemsChecked\":" + report.itemsChecked()
                + ",\"signaturesValid\":" + report.signaturesValid()
                + ",\"hoursSealed\":" + report.hoursSealed()
                + ",\"firstSealedHour\":" + nullable(report.firstSealedHour())
                + ",\"lastSealedHour\":" + nullable(report.lastSealedHour())
                + ",\"unsealedItems\":" + report.unsealedItems()
                + ",\"decisionsRederived\":" + nullable(report.decisionsRederived())
                + ",\"imagesRehashed\":" + nullable(report.imagesRehashed())
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

    /** A check not asked for, or an hour that does not exist, is JSON null. */
    private static String nullable(Optional<?> value) {
        return value.map(v -> v instanceof String s ? quote(s) : v.toString()).orElse("null");
    }
}
