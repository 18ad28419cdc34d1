package com.biometriclogger.cli;

import static com.biometriclogger.evidence.CanonicalForm.quote;

import com.biometriclogger.evidence.CanonicalForm;
import com.biometriclogger.evidence.EvidenceKey;
import com.biometriclogger.evidence.EvidenceReport;
import com.biometriclogger.evidence.Finding;
import com.biometriclogger.evidence.SealPeriod;
import com.biometriclogger.report.LedgerRead;
import com.biometriclogger.report.ReportContext;
import com.biometriclogger.report.ReportPage;
import com.biometriclogger.report.Thumbnails;
import com.biometriclogger.report.ToolVersion;
import com.biometriclogger.util.Plural;
import com.biometriclogger.util.TextWrap;
import com.biometriclogger.util.VisibleText;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The verify report as a table for people and as JSON for machines; the same facts in both. */
final class ReportFormat {

    private ReportFormat() {
    }

    static String table(VerifyOptions options, List<EvidenceKey> keys, List<EvidenceKey> sealKeys, EvidenceReport report) {
        var text = new StringBuilder();
        text.append("evidence in ").append(options.table()).append(", seals in ").append(options.sealTable()).append('\n');
        keys.forEach(key -> keyRows(text, "item key", key));
        sealKeys.forEach(key -> keyRows(text, "seal key", key));
        row(text, "seal archive", options.archive().map(VerifyOptions.Archive::uri).orElse("not checked"));
        row(text, "commitments", options.commitments().map(VerifyOptions.Archive::uri).orElse("not checked"));
        row(text, "items checked", Integer.toString(report.itemsChecked()));
        row(text, "signatures valid", Integer.toString(report.signaturesValid()));
        row(text, "hours sealed", report.periodsSealed() == 0 ? "0"
                : report.periodsSealed() == 1 ? "1 (" + report.firstSealedPeriod().orElseThrow() + " UTC)"
                : report.periodsSealed() + " (" + report.firstSealedPeriod().orElseThrow() + " to "
                        + report.lastSealedPeriod().orElseThrow() + " UTC)");
        row(text, "not yet sealed", Plural.of(report.unsealedItems(), "item"));
        report.decisionsRederived().ifPresent(count ->
                row(text, "decisions re-derived", count + " (the others record no figures)"));
        report.imagesRehashed().ifPresent(count ->
                row(text, "images re-hashed", count + " (" + report.imagesGone() + " no longer stored)"));
        if (report.reviewed() + report.awaitingReview() > 0) {
            row(text, "reviewed", report.reviewed() + " (by a person, under a valid review record; "
                    + report.awaitingReview() + " awaiting review)");
        }
        if (report.erased() > 0) {
            row(text, "erased", report.erased() + " (sealed, then erased under a valid erasure record)");
        }
        row(text, "problems", Integer.toString(report.findings().size()));
        if (!report.findings().isEmpty()) {
            int width = Math.max("subject".length(),
                    report.findings().stream().mapToInt(f -> printable(f.about()).length()).max().orElse(0));
            text.append('\n');
            findingRow(text, "problem", "subject", "detail", width);
            for (Finding finding : report.findings()) {
                findingRow(text, finding.problem().name(), printable(finding.about()), printable(finding.detail()), width);
            }
        }
        report.warnings().forEach(w -> text.append("warning: ").append(printable(w)).append('\n'));
        text.append("RESULT: ").append(result(options, report)).append('\n');
        return text.toString();
    }

    /**
     * The exit status {@code verify} returns for the report: 0 intact, 1 a problem found, 3 not checked
     * against the seal archive or the commitments.
     */
    static int status(VerifyOptions options, EvidenceReport report) {
        return !report.clean() ? 1 : unchecked(options, report).isPresent() || options.commitments().isEmpty() ? 3 : 0;
    }

    /**
     * Every deployment commits each decision when it is made, and only the commitments name a decision
     * rewritten (even re-signed) or deleted before its hour is sealed: without them INTACT would claim that too.
     */
    static String result(VerifyOptions options, EvidenceReport report) {
        if (!report.clean()) {
            return Plural.of(report.findings().size(), "problem").toUpperCase(Locale.ROOT) + " FOUND";
        }
        return unchecked(options, report).map(archive -> "NOT VERIFIED AGAINST THE ARCHIVE " + printable(archive)
                + " (give --seal-archive " + printable(archive) + ")")
                .or(() -> options.commitments().isPresent() ? Optional.empty() : Optional.of(NOT_VERIFIED_AGAINST_COMMITMENTS))
                .orElse("INTACT");
    }

    static final String NOT_VERIFIED_AGAINST_COMMITMENTS = "NOT VERIFIED AGAINST THE COMMITMENTS (give --commitments "
            + "s3://BUCKET/PREFIX, as in the stack's VerifyEvidenceCommand output)";

    private static Optional<String> unchecked(VerifyOptions options, EvidenceReport report) {
        return report.uncheckedArchive(options.archive().map(VerifyOptions.Archive::uri));
    }

    /** The same facts as one self-contained page; {@code args} as given, so the page says how it was made. */
    static String html(List<String> args, VerifyOptions options, List<EvidenceKey> keys, List<EvidenceKey> sealKeys,
                       EvidenceReport report, LedgerRead ledger, Optional<Thumbnails> images, Instant now) {
        var context = new ReportContext("verify " + String.join(" ", args), ToolVersion.current(), now, options.table(),
                options.sealTable(), keys, sealKeys, options.archive().map(VerifyOptions.Archive::uri), options.rederive(),
                options.checkImages(), result(options, report), status(options, report));
        return ReportPage.render(context, report, ledger, images);
    }

    static String json(VerifyOptions options, List<EvidenceKey> keys, List<EvidenceKey> sealKeys, EvidenceReport report) {
        return "{\"table\":" + quote(options.table())
                + ",\"sealTable\":" + quote(options.sealTable())
                + ",\"trustedKeys\":" + jsonList(keys)
                + ",\"trustedSealKeys\":" + jsonList(sealKeys)
                + ",\"sealArchive\":" + nullable(options.archive().map(VerifyOptions.Archive::uri))
                + ",\"commitments\":" + nullable(options.commitments().map(VerifyOptions.Archive::uri))
                + ",\"intact\":" + (status(options, report) == 0)
                + ",\"uncheckedArchive\":" + nullable(unchecked(options, report))
                + ",\"itemsChecked\":" + report.itemsChecked()
                + ",\"signaturesValid\":" + report.signaturesValid()
                + ",\"hoursSealed\":" + report.periodsSealed()
                + ",\"firstSealedHour\":" + nullable(report.firstSealedPeriod().map(SealPeriod::toString))
                + ",\"lastSealedHour\":" + nullable(report.lastSealedPeriod().map(SealPeriod::toString))
                + ",\"unsealedItems\":" + report.unsealedItems()
                + ",\"decisionsRederived\":" + nullable(report.decisionsRederived())
                + ",\"imagesRehashed\":" + nullable(report.imagesRehashed())
                + ",\"imagesGone\":" + report.imagesGone()
                + ",\"erased\":" + report.erased()
                + ",\"reviewed\":" + report.reviewed()
                + ",\"awaitingReview\":" + report.awaitingReview()
                + ",\"findings\":[" + report.findings().stream()
                        .map(f -> "{\"problem\":" + quote(f.problem().name()) + ",\"subject\":" + quote(f.about())
                                + ",\"detail\":" + quote(f.detail()) + "}")
                        .collect(Collectors.joining(","))
                + "],\"warnings\":[" + report.warnings().stream().map(CanonicalForm::quote).collect(Collectors.joining(","))
                + "]}\n";
    }

    private static String jsonList(List<EvidenceKey> keys) {
        return "[" + keys.stream().map(key -> quote(key.describe())).collect(Collectors.joining(",")) + "]";
    }

    /** Fits a terminal: a detail that would pass {@link TextWrap#MAX_COLUMNS} goes on lines of its own, indented. */
    private static void findingRow(StringBuilder text, String problem, String subject, String detail, int width) {
        String head = pad(problem, 24) + ' ' + pad(subject, width);
        text.append(head.length() + 2 + detail.length() <= TextWrap.MAX_COLUMNS ? head + "  " + detail
                : head.stripTrailing() + "\n" + TextWrap.wrap("    ", "    ", detail)).append('\n');
    }

    private static String pad(String value, int width) {
        return value + " ".repeat(Math.max(0, width - value.length()));
    }

    /**
     * Table content comes from the ledger, which an attacker may have written: control characters
     * (ESC, CR, backspace…) are shown as {@code \\u001b}-style escapes, so no value can move the
     * cursor, clear the screen or print a line of its own such as a fake result.
     */
    static String printable(String value) {
        return VisibleText.of(value);
    }

    /** The key id (when there is one) and its fingerprint, each on its own line to fit the terminal. */
    private static void keyRows(StringBuilder text, String label, EvidenceKey key) {
        key.keyId().ifPresent(id -> row(text, label, id));
        row(text, key.keyId().isPresent() ? "  its public key" : label + " (public)", "sha256:" + key.fingerprint());
    }

    private static void row(StringBuilder text, String label, String value) {
        text.append(String.format(Locale.ROOT, "  %-22s %s%n", label, value));
    }

    /** A check not asked for, or an hour that does not exist, is JSON null. */
    private static String nullable(Optional<?> value) {
        return value.map(v -> v instanceof String s ? quote(s) : v.toString()).orElse("null");
    }
}
