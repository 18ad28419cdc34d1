package com.biometriclogger.report;

import static org.junit.jupiter.api.Assertions.fail;

import com.biometriclogger.testing.RequiredTools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Debian's {@code chromium}, headless, driven over the DevTools protocol with the JDK's own
 * WebSocket: one page, its commands, and every event it sent. A missing browser fails the test
 * ({@code .ci/run} installs it), never skips it.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** As the machine documents for root: no sandbox, and no background calls to a network that is not there. */
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", "--remote-debugging-port=0");

    private final Process process;
    private final WebSocket socket;
    private final String session;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    HeadlessChromium(Path userDataDir) throws Exception {
        RequiredTools.requireOnPath("chromium", "Debian's chromium (apt-get install -y chromium) to render the report");
        var command = new ArrayList<>(List.of("chromium"));
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + userDataDir);
        command.add("about:blank");
        process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String endpoint = devToolsEndpoint(process);
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(endpoint), new Listener())
                .get(30, TimeUnit.SECONDS);
        String target = send("Target.createTarget", Map.of("url", "about:blank"), null).get("targetId").asText();
        session = send("Target.attachToTarget", Map.of("targetId", target, "flatten", true), null).get("sessionId").asText();
    }

    private static String devToolsEndpoint(Process process) throws IOException {
        var stderr = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        var seen = new StringBuilder();
        for (String line = stderr.readLine(); line != null; line = stderr.readLine()) {
            int at = line.indexOf("ws://");
            if (line.startsWith("DevTools listening on ") && at >= 0) {
                Thread drain = new Thread(() -> stderr.lines().forEach(ignored -> { }), "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return line.substring(at);
            }
            seen.append(line).append('\n');
        }
        return fail("chromium exited without a DevTools endpoint:\n" + seen);
    }

    /** A command to the page; its result. */
    JsonNode page(String method, Map<String, ?> params) throws Exception {
        return send(method, params, session);
    }

    /** Evaluates {@code expression} in the page and returns its value (awaiting a promise). */
    JsonNode evaluate(String expression) throws Exception {
        var result = page("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            fail("the page threw: " + result.get("exceptionDetails"));
        }
        return result.get("result").path("value");
    }

    /** The whole page, {@code width} CSS pixels wide, as PNG bytes. */
    byte[] screenshot(int width) throws Exception {
        int height = evaluate("document.documentElement.scrollHeight").asInt();
        page("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        return Base64.getDecoder().decode(page("Page.captureScreenshot", Map.of("format", "png")).get("data").asText());
    }

    /** Every event of that method so far. */
    List<JsonNode> events(String method) {
        return events.stream().filter(e -> method.equals(e.path("method").asText())).map(e -> e.get("params")).toList();
    }

    void awaitEvent(String method) throws InterruptedException {
        for (int i = 0; i < 600 && events(method).isEmpty(); i++) {
            Thread.sleep(50);
        }
        if (events(method).isEmpty()) {
            fail("no " + method + " within 30 s");
        }
    }

    private JsonNode send(String method, Map<String, ?> params, String sessionId) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        var answer = new CompletableFuture<JsonNode>();
        pending.put(id, answer);
        socket.sendText(JSON.writeValueAsString(message), true).get(30, TimeUnit.SECONDS);
        JsonNode response = answer.get(60, TimeUnit.SECONDS);
        if (response.has("error")) {
            fail(method + " failed: " + response.get("error"));
        }
        return response.get("result");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                try {
                    JsonNode node = JSON.readTree(message.toString());
                    if (node.has("id")) {
                        var answer = pending.remove(node.get("id").asInt());
                        if (answer != null) {
                            answer.complete(node);
                        }
                    } else {
                        events.add(node);
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("unreadable DevTools message", e);
                }
                message.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
