package com.biometriclogger.report;

import com.biometriclogger.evidence.EvidenceReport;
import java.util.Optional;

/**
 * The verify report as one self-contained HTML page: the result and what was checked first, then
 * the hours, the findings and the decisions. Nothing on it is fetched (a Content-Security-Policy
 * forbids any load), its one script only filters and sorts, and every ledger value is escaped.
 */
public final class ReportPage {

    private ReportPage() {
    }

    /**
     * @param images with {@code --with-images} only; the page then says on its first line, in the file
     *               and on screen, that it contains biometric data
     */
    public static String render(ReportContext context, EvidenceReport report, LedgerRead ledger, Optional<Thumbnails> images) {
        var decisions = ledger.decisions();
        var places = new FindingPlaces(decisions, report.findings());
        var page = new Html();
        images.ifPresent(shown -> page.markup("<!-- " + ImagesCell.BIOMETRIC_WARNING + " -->\n"));
        page.markup("<!DOCTYPE html>\n").open("html", "lang", "en").open("head")
                .open("meta", "charset", "utf-8")
                .open("meta", "http-equiv", "Content-Security-Policy", "content", PageAssets.CONTENT_SECURITY_POLICY)
                .open("meta", "name", "referrer", "content", "no-referrer")
                .open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1")
                .element("title", "Biometric Logger evidence report: " + context.table())
                .open("style").markup(PageAssets.STYLE).close("style").close("head").open("body");
        images.ifPresent(shown -> page.open("p", "id", "biometric", "class", "biometric").markup(PageAssets.WARN_ICON)
                .text(" " + ImagesCell.BIOMETRIC_WARNING).element("span", " " + ImagesCell.LIMITS, "class", "dim").close("p"));
        page.element("h1", "Evidence report: " + context.table());
        page.element("p", "Made by biometric-logger " + context.version() + " at " + context.generatedAt()
                + " with: " + context.command(), "class", "made");
        SummarySection.write(page, context, report);
        TimelineSection.write(page, HourTimeline.of(ledger, places), context.archive().isPresent());
        FindingsSection.write(page, report.findings(), decisions, places);
        DecisionsSection.write(page, decisions, places, ledger.sealedHours(),
                images.map(thumbnails -> new ImagesCell(thumbnails, decisions)));
        page.open("script").markup(PageAssets.SCRIPT).close("script").close("body").close("html").markup("\n");
        return page.toString();
    }
}
