package com.biometriclogger.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.evidence.EvidenceReport;
import com.biometriclogger.evidence.Finding;
import com.biometriclogger.evidence.Finding.Problem;
import com.biometriclogger.evidence.SealPeriod;
import com.biometriclogger.evidence.SignatureChecked;
import com.biometriclogger.evidence.StoredItem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The page as text: ledger values escaped wherever they land, the policy allowing exactly the page's own blocks. */
class ReportPageTest {

    private static final String HOSTILE = "<script>window.pwned=1</script>\"><img src=x onerror='window.pwned=2'>\u001b[2J\u2028&amp;";
    private static final String ID = "ab".repeat(32);

    @Test
    void hostileLedgerValuesAreTextInElementsAndAttributes() {
        String page = page(Map.of("attemptId", ID, "objectKey", HOSTILE, "subjectId", HOSTILE, "decision", HOSTILE,
                "reasons", HOSTILE, "sealPeriod", "2026-05-03T08", "decidedAt", "2026-05-03T08:10:00Z"),
                new Finding(Problem.SIGNATURE_INVALID, ID, HOSTILE));

        assertEquals(1, count(page, "<script"), "only the page's own script");
        assertFalse(page.contains("<img"), page);
        assertFalse(page.contains("\u001b") || page.contains("\u2028"), "control characters shown, not written");
        assertTrue(page.contains("&lt;script&gt;window.pwned=1&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=&#39;"
                + "window.pwned=2&#39;&gt;\\u001b[2J\\u2028&amp;amp;"), page);
        assertTrue(page.contains("data-subject=\"&lt;script&gt;"), "attribute values escaped too: " + page);
    }

    @Test
    void theFindingMarksItsDecisionAndItsHour() {
        String page = page(Map.of("attemptId", ID, "objectKey", "uploads/a.jpg", "sealPeriod", "2026-05-03T08",
                "decidedAt", "2026-05-03T08:10:00Z", "decision", "AUTHORIZED"),
                new Finding(Problem.SIGNATURE_INVALID, ID, "altered"), new Finding(Problem.SEAL_MISSING, "2026-05-03T10", "gap"));

        assertTrue(page.contains("<tr id=\"d1\" class=\"bad\""), page);
        assertTrue(page.contains("<a href=\"#d1\">decision 1: uploads/a.jpg</a>"), page);
        assertTrue(page.contains("class=\"hour bad\" data-hour=\"2026-05-03T08\" data-findings=\"1\""), page);
        assertTrue(page.contains("class=\"hour open\" data-hour=\"2026-05-03T09\""), "the hour between is drawn: " + page);
        assertTrue(page.contains("class=\"hour missing\" data-hour=\"2026-05-03T10\""), page);
    }

    @Test
    void thePolicyAllowsThePagesOwnStyleAndScriptAndNoLoad() {
        String page = page(Map.of("attemptId", ID), new Finding[0]);
        var policy = Pattern.compile("http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\"").matcher(page);

        assertTrue(policy.find(), page);
        assertTrue(page.indexOf("Content-Security-Policy") < page.indexOf("<style>"), "the policy precedes what it governs");
        assertTrue(policy.group(1).startsWith("default-src &#39;none&#39;;"), policy.group(1));
        assertTrue(page.contains("<style>" + PageAssets.STYLE + "</style>") && page.contains("<script>" + PageAssets.SCRIPT
                + "</script>"), "the blocks are exactly the hashed text");
    }

    private static String page(Map<String, String> item, Finding... findings) {
        var ledger = new LedgerRead();
        ledger.addItem(new SignatureChecked(new StoredItem(item, List.of()), Optional.empty(), Optional.empty()));
        var report = new EvidenceReport(1, 1, 1, Optional.of(SealPeriod.parse("2026-05-03T08")),
                Optional.of(SealPeriod.parse("2026-05-03T08")), 0, Optional.empty(), Optional.empty(), 0, 0,
                List.of(findings), List.of(), List.of(), 0, 0);
        var context = new ReportContext("verify --table t --html r.html", "test", Instant.parse("2026-05-03T12:00:00Z"),
                "t", "t-seals", List.of(), List.of(), Optional.empty(), false, false, "1 PROBLEM FOUND", 1);
        return ReportPage.render(context, report, ledger, Optional.empty());
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
