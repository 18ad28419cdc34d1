package com.biometriclogger.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.cli.VerifyCommand;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.LocalEvidence;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.Scenario;
import com.biometriclogger.util.Sha256;
import com.biometriclogger.util.VisibleText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The demo's tampered copy (the same {@link LocalEvidence#tamperedCopy} the local main job makes),
 * plus an item a table writer put in with a hostile object key, reported with {@code verify --html}
 * and rendered in headless Chromium: the rows, findings and marks are where they belong, the hostile
 * key is text that runs nothing, and the page loads nothing from the network. The screenshot is the
 * one docs/report.md shows.
 */
@ExtendWith(LocalStackExtension.class)
class ReportBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Path SCREENSHOT = Path.of("target", "report-screenshot.png");
    static final Path DOCS_SCREENSHOT = Path.of("docs", "report-screenshot.png");
    private static final int WIDTH = 1400;
    /** Object key, DetectFaces recording, CompareFaces recording ("" for none): every kind of decision the demo makes. */
    private static final List<List<String>> UPLOADS = List.of(
            List.of("references/alice.jpg", "one-clear-face.json", ""),
            List.of("references/bob.jpg", "one-clear-face.json", ""),
            List.of("uploads/alice/selfie.jpg", "one-clear-face.json", "compare-match.json"),
            List.of("uploads/alice/wall.jpg", "no-face.json", ""),
            List.of("uploads/bob/door.jpg", "one-clear-face.json", "compare-no-match.json"),
            List.of("uploads/bob/lobby.jpg", "eyes-closed-with-sunglasses.json", "compare-match.json"),
            List.of("uploads/carol/gate.jpg", "one-clear-face.json", ""),
            List.of("uploads/alice/desk.jpg", "one-clear-face.json", "compare-just-below-threshold.json"));

    @TempDir
    Path browserProfile;

    @Test
    void tamperedRowsAreMarkedAndHostileKeysStayText(Scenario scenario) throws Exception {
        var leak = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        var requests = new AtomicInteger();
        leak.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        leak.start();
        try {
            String leakUrl = "http://127.0.0.1:" + leak.getAddress().getPort() + "/leak";
            String copy = tamperedLedger(scenario, hostileKey(leakUrl));
            Path page = Path.of("target", "report-it", "report.html").toAbsolutePath();
            var findings = verify(scenario, copy, "--rederive", "--json");
            var err = new ByteArrayOutputStream();
            int status = VerifyCommand.run(LocalEvidence.verifyArguments(copy, "--rederive", "--html", page.toString())
                    .toArray(String[]::new), scenario.environment(), new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(1, status, err.toString(StandardCharsets.UTF_8));

            try (var browser = new HeadlessChromium(browserProfile)) {
                for (String domain : List.of("Page", "Network", "Runtime")) {
                    browser.page(domain + ".enable", Map.of());
                }
                browser.page("Emulation.setDeviceMetricsOverride",
                        Map.of("width", WIDTH, "height", 1000, "deviceScaleFactor", 1, "mobile", false));
                browser.page("Page.navigate", Map.of("url", page.toUri().toString()));
                browser.awaitEvent("Page.loadEventFired");

                assertRowsAndFindings(browser, scenario, copy, findings);
                assertHostileKeyIsText(browser, hostileKey(leakUrl));
                assertNothingFetched(browser, leakUrl, requests);
                screenshot(browser);
            }
        } finally {
            leak.stop(0);
        }
    }

    /** Every row a finding is about is marked by colour, icon and the problem's name; the others are not. */
    private static void assertRowsAndFindings(HeadlessChromium browser, Scenario scenario, String copy, JsonNode findings)
            throws Exception {
        Map<String, String> keyById = new HashMap<>();
        scenario.stack().dynamoDb().scanPaginator(b -> b.tableName(copy)).items()
                .forEach(item -> keyById.put(item.get("attemptId").s(), item.get("objectKey").s()));
        Set<String> expected = new TreeSet<>();
        findings.get("findings").forEach(f -> {
            if (keyById.containsKey(f.get("subject").asText())) {
                expected.add(VisibleText.of(keyById.get(f.get("subject").asText())));
            }
        });
        var rows = browser.evaluate("""
                Array.from(document.querySelectorAll('#decisions tbody tr')).map(function (tr) {
                  return {key: tr.querySelector('td.key').firstChild.textContent, bad: tr.classList.contains('bad'),
                    icon: tr.querySelector('td.status svg') !== null, status: tr.querySelector('td.status').textContent,
                    colour: getComputedStyle(tr.cells[1]).backgroundColor, findings: Number(tr.dataset.findings),
                    visible: tr.getBoundingClientRect().height > 0};
                })""");
        assertEquals(keyById.size(), rows.size(), "one row per item: " + rows);
        Set<String> marked = new TreeSet<>();
        for (JsonNode row : rows) {
            assertTrue(row.get("visible").asBoolean() && row.get("icon").asBoolean(), row.toString());
            if (row.get("bad").asBoolean()) {
                marked.add(row.get("key").asText());
                assertEquals("rgb(253, 231, 231)", row.get("colour").asText(), row.toString());
                assertTrue(row.get("status").asText().matches("\\s*[A-Z_]+(, [A-Z_]+)*"), row.toString());
            } else {
                assertEquals("rgba(0, 0, 0, 0)", row.get("colour").asText(), row.toString());
                assertEquals(" no finding", row.get("status").asText(), row.toString());
            }
        }
        assertEquals(expected, marked, "rows marked are exactly those verify names");
        assertTrue(marked.size() >= 4, "the altered, re-signed, forged and hostile items at least: " + marked);

        var order = browser.evaluate("['result','timeline','findings','decisions-section'].map(function (id) {"
                + " return document.getElementById(id).getBoundingClientRect().top; })");
        for (int i = 1; i < order.size(); i++) {
            assertTrue(order.get(i - 1).asDouble() < order.get(i).asDouble(), "result, hours, findings, decisions: " + order);
        }
        var links = browser.evaluate("Array.from(document.querySelectorAll('#findings tbody tr')).map(function (tr) {"
                + " var a = tr.querySelector('a'); if (!a) { return 'none'; }"
                + " var row = document.querySelector(a.getAttribute('href')); return row.classList.contains('bad'); })");
        assertEquals(findings.get("findings").size(), links.size(), "every finding listed: " + links);
        links.forEach(link -> assertTrue(link.asText().equals("none") || link.asBoolean(), "a finding links a marked row"));
        assertTrue(browser.evaluate("document.querySelectorAll('.hour.bad, .hour.missing').length").asInt() >= 1,
                "an hour with findings is marked");
        assertEquals(findings.get("findings").size(), browser.evaluate("document.querySelectorAll('#findings tbody tr').length")
                .asInt());

        var filtered = browser.evaluate("(function () { var s = document.getElementById('f-findings'); s.checked = true;"
                + " s.dispatchEvent(new Event('change', {bubbles: true}));"
                + " var shown = document.querySelectorAll('#decisions tbody tr:not([hidden])').length;"
                + " s.checked = false; s.dispatchEvent(new Event('change', {bubbles: true})); return shown; })()");
        assertEquals(marked.size(), filtered.asInt(), "the filter shows the rows with findings");
    }

    private static void assertHostileKeyIsText(HeadlessChromium browser, String hostile) throws Exception {
        var shown = browser.evaluate("Array.from(document.querySelectorAll('#decisions td.key')).map(function (td) {"
                + " return td.firstChild.textContent; })");
        Set<String> keys = new TreeSet<>();
        shown.forEach(key -> keys.add(key.asText()));
        assertTrue(keys.contains(VisibleText.of(hostile)), "the hostile key shown as text, control characters visible: " + keys);
        assertEquals(1, browser.evaluate("document.scripts.length").asInt(), "only the page's own script");
        assertEquals(0, browser.evaluate("document.images.length + document.querySelectorAll('iframe,object,embed').length")
                .asInt());
        assertEquals("undefined", browser.evaluate("typeof window.pwned").asText(), "no injected code ran");
    }

    /** Loads only the file itself; the CSP stops even a load made from inside the page. */
    private static void assertNothingFetched(HeadlessChromium browser, String leakUrl, AtomicInteger requests)
            throws Exception {
        var attempt = browser.evaluate("fetch('" + leakUrl + "').then(function () { return 'fetched'; },"
                + " function () { return 'blocked'; })");
        assertEquals("blocked", attempt.asText(), "the Content-Security-Policy forbids network loads");
        var urls = new TreeSet<String>();
        browser.events("Network.requestWillBeSent").forEach(e -> urls.add(e.get("request").get("url").asText()));
        assertTrue(urls.stream().allMatch(url -> url.startsWith("file:") || url.startsWith("data:")),
                "nothing but the file itself: " + urls);
        assertEquals(0, requests.get(), "the loopback server saw no request");
    }

    /**
     * The whole page, as docs/report.md shows it, stamped with what it shows; the committed copy must
     * show the same page. Pixels are not compared (fonts, anti-aliasing and the time on the page vary):
     * the stamp names the style, the sections with their counts, the hours' states and the rows' marks.
     */
    private static void screenshot(HeadlessChromium browser) throws Exception {
        String page = "style " + Sha256.hex(Sha256.newDigest().digest(PageAssets.STYLE.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 16) + "; " + browser.evaluate("""
                (function () {
                  function all(selector, f) { return Array.from(document.querySelectorAll(selector)).map(f); }
                  return 'sections ' + all('h2', function (h) { return h.textContent; }).join(' | ')
                    + '; hours ' + all('.hour', function (h) { return h.className + ' ' + h.dataset.findings; }).join(', ')
                    + '; rows ' + all('#decisions tbody tr', function (tr) { return tr.dataset.decision + ' '
                        + tr.querySelector('td.status').textContent.trim(); }).sort().join(', ');
                })()""").asText();
        byte[] png = ScreenshotStamp.stamp(browser.screenshot(WIDTH), page);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, png);
        assertEquals(page, ScreenshotStamp.read(Files.readAllBytes(DOCS_SCREENSHOT)).orElse("no stamp"),
                DOCS_SCREENSHOT + " shows another page than the report makes now: copy " + SCREENSHOT + " there (docs/report.md)");
    }

    /** An object key as a table writer may put it: markup, an event handler, a load, control characters. */
    static String hostileKey(String leakUrl) {
        return "uploads/x/<script>window.pwned=1</script>\"><img src=\"" + leakUrl + "\" onerror=\"window.pwned=2\">"
                + "\u001b[2J\r\nRESULT: INTACT\u202e.jpg";
    }

    /** The demo's ledger and tampered copy, with one more item a table writer put in. */
    private static String tamperedLedger(Scenario scenario, String hostile) {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
        for (int i = 0; i < UPLOADS.size(); i++) {
            var upload = UPLOADS.get(i);
            byte[] image = TestImages.jpeg(9100 + i);
            scenario.faces().respond(image, upload.get(1));
            if (!upload.get(2).isEmpty()) {
                scenario.faces().respondToComparison(image, upload.get(2));
            }
            var at = hour.plus(i / 3, ChronoUnit.HOURS).plus(5 + i, ChronoUnit.MINUTES);
            Scenario.invoke(scenario.handlerAt(at, Map.of("VERIFICATION_MODE", "MATCH")),
                    S3Events.event(scenario.upload(upload.get(0), image)));
        }
        LocalEvidence.sealer(scenario.stack(), scenario.table(), Clock.systemUTC())
                .sealThrough(Instant.now().plus(Duration.ofHours(1)));
        String copy = scenario.table() + "-tampered";
        LocalEvidence.tamperedCopy(scenario.stack(), scenario.table(), copy);
        var item = new HashMap<>(scenario.auditItems().get(1));
        item.put("attemptId", AttributeValue.fromS("<img src=x onerror=window.pwned=3>" + "ab".repeat(20)));
        item.put("objectKey", AttributeValue.fromS(hostile));
        item.put("subjectId", AttributeValue.fromS("\"><svg onload=window.pwned=4>"));
        item.put("reasons", AttributeValue.fromS("</td></tr><script>window.pwned=5</script>"));
        scenario.stack().dynamoDb().putItem(b -> b.tableName(copy).item(item));
        return copy;
    }

    private static JsonNode verify(Scenario scenario, String table, String... extra) throws Exception {
        var out = new ByteArrayOutputStream();
        VerifyCommand.run(LocalEvidence.verifyArguments(table, extra).toArray(String[]::new), scenario.environment(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8));
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }
}
