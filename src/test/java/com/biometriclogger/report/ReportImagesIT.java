package com.biometriclogger.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.cli.VerifyCommand;
import com.biometriclogger.handler.DecisionHandler;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.LocalEvidence;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.Scenario;
import com.biometriclogger.util.VisibleText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code verify --html FILE --with-images} on the local stack, rendered in headless Chromium: the face
 * boxes the function recorded are drawn where the figures say on the judged version, the reference is
 * beside it, an erased version is said to be gone, a hostile key stays text, the warning is the first
 * line, nothing is fetched; and without the flag the page holds no image at all.
 */
@ExtendWith(LocalStackExtension.class)
class ReportImagesIT {

    private static final String HOSTILE = "uploads/x/<script>window.pwned=1</script>\"><img src=x onerror=\"window.pwned=2\">"
            + "\u001b[2J.jpg";

    @TempDir
    Path browserProfile;

    @Test
    void theRecordedBoxesAreDrawnOnTheJudgedVersionAndTheWarningComesFirst(Scenario scenario) throws Exception {
        var handler = scenario.handler(Map.of("VERIFICATION_MODE", "MATCH"));
        decide(scenario, handler, "references/alice.jpg", 9301, "one-clear-face.json", "");
        decide(scenario, handler, "uploads/alice/selfie.jpg", 9302, "one-clear-face.json", "compare-match.json");
        decide(scenario, handler, "uploads/alice/group.jpg", 9303, "two-faces.json", "");
        var erased = decide(scenario, handler, "uploads/alice/erased.jpg", 9304, "one-clear-face.json", "compare-match.json");
        scenario.stack().s3().deleteObject(b -> b.bucket(scenario.bucket()).key("uploads/alice/erased.jpg")
                .versionId(erased.get("versionId")));
        var hostile = new HashMap<>(scenario.auditItems().get(0));
        hostile.put("attemptId", AttributeValue.fromS("cd".repeat(32)));
        hostile.put("objectKey", AttributeValue.fromS(HOSTILE));
        scenario.stack().dynamoDb().putItem(b -> b.tableName(scenario.table()).item(hostile));
        assertEquals("0.38,0.23,0.31,0.44", item(scenario, "uploads/alice/selfie.jpg").get("faceBoxes"),
                "the function recorded the box DetectFaces gave");
        assertEquals("0.38,0.23,0.31,0.44;0.05,0.05,0.1,0.2", item(scenario, "uploads/alice/group.jpg").get("faceBoxes"));

        Path plain = verifyToPage(scenario, "plain.html");
        String plainText = Files.readString(plain);
        assertFalse(plainText.contains("data:image") || plainText.contains("<image") || plainText.contains("biometric data"),
                "without --with-images no image bytes: " + plainText);
        Path page = verifyToPage(scenario, "images.html", "--with-images");
        assertTrue(Files.readString(page).startsWith("<!-- This page contains biometric data"), "the file's first line");

        try (var browser = new HeadlessChromium(browserProfile)) {
            browser.page("Network.enable", Map.of());
            browser.page("Emulation.setDeviceMetricsOverride", Map.of("width", 1400, "height", 1000, "deviceScaleFactor", 1,
                    "mobile", false));
            browser.page("Page.enable", Map.of());
            browser.page("Page.navigate", Map.of("url", page.toUri().toString()));
            browser.awaitEvent("Page.loadEventFired");

            var first = browser.evaluate("(function () { var p = document.body.firstElementChild;"
                    + " var tops = Array.from(document.body.children).filter(function (e) { return e.getClientRects().length > 0; })"
                    + ".map(function (e) { return e.getBoundingClientRect().top; });"
                    + " return {id: p.id, text: p.textContent, top: p.getBoundingClientRect().top, least: Math.min.apply(null, tops)}; })()");
            assertEquals("biometric", first.get("id").asText(), first.toString());
            assertTrue(first.get("text").asText().startsWith(" This page contains biometric data"), first.toString());
            assertEquals(first.get("least").asDouble(), first.get("top").asDouble(), "shown first: " + first);

            assertBoxes(browser, "uploads/alice/selfie.jpg", "judged", List.of(new double[] {0.38, 0.23, 0.31, 0.44}));
            assertBoxes(browser, "uploads/alice/selfie.jpg", "reference", List.of(new double[] {0.38, 0.23, 0.31, 0.44}));
            assertBoxes(browser, "uploads/alice/group.jpg", "judged", List.of(new double[] {0.38, 0.23, 0.31, 0.44},
                    new double[] {0.05, 0.05, 0.1, 0.2}));
            assertEquals("judged image not available: this version is no longer in the bucket (erased or deleted)",
                    figure(browser, "uploads/alice/erased.jpg", "judged").get("caption").asText());
            assertEquals("reference, 1 face box", figure(browser, "uploads/alice/erased.jpg", "reference").get("caption").asText(),
                    "its reference is still shown");
            assertTrue(figure(browser, VisibleText.of(HOSTILE), "judged").get("caption").asText()
                    .startsWith("judged image not available"), "the hostile key names no object: shown as text");
            assertEquals("undefined", browser.evaluate("typeof window.pwned").asText(), "no injected code ran");
            assertEquals(0, browser.evaluate("document.images.length").asInt(), "only our SVG images, no <img>");
            var urls = new TreeSet<String>();
            browser.events("Network.requestWillBeSent").forEach(e -> urls.add(e.get("request").get("url").asText()));
            assertTrue(urls.stream().allMatch(url -> url.startsWith("file:") || url.startsWith("data:image/jpeg;base64,")),
                    "nothing but the file and its data: thumbnails: " + urls);
            Files.write(Path.of("target", "report-images-screenshot.png"), browser.screenshot(1400));
        }
    }

    /** Each recorded box is a rect whose place on the rendered picture is the recorded fraction of its size. */
    private static void assertBoxes(HeadlessChromium browser, String key, String role, List<double[]> recorded) throws Exception {
        var figure = figure(browser, key, role);
        var boxes = figure.get("boxes");
        assertEquals(recorded.size(), boxes.size(), figure.toString());
        double width = figure.get("width").asDouble();
        double height = figure.get("height").asDouble();
        assertTrue(width > 50 && height > 50, "a picture is drawn: " + figure);
        for (int i = 0; i < recorded.size(); i++) {
            var box = boxes.get(i);
            double[] expected = {recorded.get(i)[0] * width, recorded.get(i)[1] * height, recorded.get(i)[2] * width,
                    recorded.get(i)[3] * height};
            double[] drawn = {box.get("x").asDouble(), box.get("y").asDouble(), box.get("w").asDouble(), box.get("h").asDouble()};
            for (int j = 0; j < 4; j++) {
                assertEquals(expected[j], drawn[j], 0.5, key + " box " + i + " figure " + j + ": " + figure);
            }
            assertEquals(i == 0 ? "box judged" : "box other", box.get("class").asText(), "the judged face first");
        }
    }

    /** A figure of the row whose key is {@code key}: its caption, its picture's rendered size and its boxes relative to it. */
    private static JsonNode figure(HeadlessChromium browser, String key, String role) throws Exception {
        return browser.evaluate("(function (key) { var row = Array.from(document.querySelectorAll('#decisions tbody tr'))"
                + ".filter(function (tr) { return tr.querySelector('td.key').firstChild.textContent === key; })[0];"
                + " var f = row.querySelector('figure.shot." + role + "'); var img = f.querySelector('image');"
                + " var at = img ? img.getBoundingClientRect() : {x: 0, y: 0, width: 0, height: 0};"
                + " return {caption: f.querySelector('figcaption').textContent, width: at.width, height: at.height,"
                + " boxes: Array.from(f.querySelectorAll('rect')).map(function (r) { var b = r.getBoundingClientRect();"
                + " return {x: b.x - at.x, y: b.y - at.y, w: b.width, h: b.height, 'class': r.getAttribute('class')}; })};"
                + " })(" + new ObjectMapper().writeValueAsString(key) + ")");
    }

    private static Map<String, String> decide(Scenario scenario, DecisionHandler handler,
                                              String key, long seed, String detection, String comparison) {
        byte[] image = TestImages.jpeg(seed);
        scenario.faces().respond(image, detection);
        if (!comparison.isEmpty()) {
            scenario.faces().respondToComparison(image, comparison);
        }
        Scenario.invoke(handler, S3Events.event(scenario.upload(key, image)));
        return item(scenario, key);
    }

    private static Map<String, String> item(Scenario scenario, String key) {
        return scenario.auditItems().stream().filter(i -> i.get("objectKey").s().equals(key)).map(Scenario::asStrings)
                .findFirst().orElseThrow(() -> new AssertionError("no item for " + key));
    }

    private static Path verifyToPage(Scenario scenario, String name, String... extra) {
        Path page = Path.of("target", "report-images-it", name).toAbsolutePath();
        var args = new ArrayList<>(LocalEvidence.verifyArguments(scenario.table(), "--html", page.toString()));
        args.addAll(List.of(extra));
        var err = new ByteArrayOutputStream();
        int status = VerifyCommand.run(args.toArray(String[]::new), scenario.environment(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, status, "the hostile item's signature is named: " + err.toString(StandardCharsets.UTF_8));
        return page;
    }
}
