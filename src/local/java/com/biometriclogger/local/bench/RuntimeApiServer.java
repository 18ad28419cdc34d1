package com.biometriclogger.local.bench;

import com.biometriclogger.local.stack.LoopbackHttpServer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API on loopback, as far as a runtime interface client uses it: it hands out
 * the given events one by one on {@code GET /2018-06-01/runtime/invocation/next} and records when
 * the runtime asked for work and when each answer came back.
 */
final class RuntimeApiServer implements AutoCloseable {

    /** When (System.nanoTime) the runtime first asked for an event: its initialisation is over. */
    volatile long firstNextNanos;

    private HttpServer server;
    private final List<String> events;
    private final long[] servedNanos;
    private final BlockingQueue<Answer> answers = new ArrayBlockingQueue<>(100_000);
    private int next;

    record Answer(int index, boolean error, long nanos, String body) {
    }

    private RuntimeApiServer(List<String> events) {
        this.events = events;
        this.servedNanos = new long[events.size()];
    }

    static RuntimeApiServer start(List<String> events) {
        var api = new RuntimeApiServer(events);
        api.server = LoopbackHttpServer.start(0, "/2018-06-01/runtime/", "runtime-api", api::handle);
        return api;
    }

    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** The answer to event {@code index}, waiting at most {@code seconds}. */
    Answer awaitAnswer(int seconds) throws InterruptedException {
        Answer answer = answers.poll(seconds, TimeUnit.SECONDS);
        if (answer == null) {
            throw new IllegalStateException("the runtime gave no answer in " + seconds + " s");
        }
        return answer;
    }

    long servedNanos(int index) {
        return servedNanos[index];
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (path.endsWith("/invocation/next")) {
            if (firstNextNanos == 0) {
                firstNextNanos = now;
            }
            int index;
            synchronized (this) {
                index = next < events.size() ? next++ : -1;
            }
            if (index < 0) {
                return; // no more work: the runtime waits here until it is stopped
            }
            byte[] event = events.get(index).getBytes(StandardCharsets.UTF_8);
            var headers = exchange.getResponseHeaders();
            headers.set("Lambda-Runtime-Aws-Request-Id", "request-" + index);
            headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
            headers.set("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:bench");
            headers.set("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
            headers.set("Content-Type", "application/json");
            servedNanos[index] = System.nanoTime();
            exchange.sendResponseHeaders(200, event.length);
            exchange.getResponseBody().write(event);
            exchange.close();
            return;
        }
        boolean error = path.endsWith("/error");
        int index = -1;
        if (path.contains("/invocation/request-")) {
            String id = path.substring(path.indexOf("request-") + "request-".length());
            index = Integer.parseInt(id.substring(0, id.indexOf('/')));
        }
        answers.add(new Answer(index, error, now, new String(body, StandardCharsets.UTF_8)));
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
