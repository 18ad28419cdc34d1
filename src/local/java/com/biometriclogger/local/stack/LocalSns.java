package com.biometriclogger.local.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An SNS-compatible endpoint on loopback for the stack's alert topic: {@code Publish} in the
 * service's real wire protocol (the AWS query protocol: a form-encoded POST answered with XML), so
 * the function's real {@code SnsClient} publishes through it unchanged. It keeps what was published
 * instead of mailing it.
 */
public final class LocalSns implements AutoCloseable {

    /** The alert topic: an ARN in no real account (000000000000), like the local keys'. */
    public static final String TOPIC_ARN = "arn:aws:sns:us-east-1:000000000000:biometric-logger-local-alerts";

    private static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    /** One published message, with its string message attributes. */
    public record Published(String topicArn, String subject, String message, Map<String, String> attributes) {
    }

    private final ConcurrentLinkedQueue<Published> unread = new ConcurrentLinkedQueue<>();
    private HttpServer server;

    private LocalSns() {
    }

    /** @param port 0 for any free port */
    public static LocalSns start(int port) {
        var sns = new LocalSns();
        sns.server = LoopbackHttpServer.start(port, "/", "local-sns", sns::handle);
        return sns;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** What was published since the last call, oldest first. */
    public List<Published> drain() {
        List<Published> drained = new ArrayList<>();
        for (Published next; (next = unread.poll()) != null; ) {
            drained.add(next);
        }
        return drained;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String action = form.getOrDefault("Action", "");
            if (!action.equals("Publish")) {
                respond(exchange, 400, error("InvalidAction", "this local SNS answers Publish only, not " + action));
                return;
            }
            String topic = form.getOrDefault("TopicArn", "");
            if (!topic.equals(TOPIC_ARN)) {
                respond(exchange, 404, error("NotFound", "Topic does not exist (this local SNS holds " + TOPIC_ARN + ")"));
                return;
            }
            var published = new Published(topic, form.get("Subject"), form.getOrDefault("Message", ""), attributes(form));
            unread.add(published);
            respond(exchange, 200, "<PublishResponse xmlns=\"" + NAMESPACE + "\"><PublishResult><MessageId>" + UUID.randomUUID()
                    + "</MessageId></PublishResult>" + metadata() + "</PublishResponse>");
        }
    }

    /** {@code MessageAttributes.entry.N.Name} / {@code .Value.StringValue}, as the query protocol flattens the map. */
    private static Map<String, String> attributes(Map<String, String> form) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int n = 1; form.containsKey("MessageAttributes.entry." + n + ".Name"); n++) {
            attributes.put(form.get("MessageAttributes.entry." + n + ".Name"),
                    form.get("MessageAttributes.entry." + n + ".Value.StringValue"));
        }
        return attributes;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String error(String code, String message) {
        return "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
                + message + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>";
    }

    private static String metadata() {
        return "<ResponseMetadata><RequestId>" + UUID.randomUUID() + "</RequestId></ResponseMetadata>";
    }

    private static void respond(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
