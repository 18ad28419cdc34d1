package com.biometriclogger.local.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A loopback HTTP proxy in front of a local stand-in that injects faults on chosen requests, at
 * the wire: the SDK client sees exactly what a network or service failure looks like.
 *
 * <ul>
 *   <li>{@link Fault#dropAfterForwarding()}: the request reaches the service and takes effect, but
 *       the connection closes before the answer: a write that "timed out" yet succeeded.</li>
 *   <li>{@link Fault#respond}: an error answer instead of forwarding (5xx, AccessDenied…).</li>
 *   <li>{@link Fault#beforeForwarding}: something happens first (a delay, another client's write),
 *       then the request is forwarded as usual: a slow service, or a race at a chosen moment.</li>
 * </ul>
 */
public final class FaultyHttpProxy implements AutoCloseable {

    private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "keep-alive");

    /** What to do to one request. */
    public sealed interface Fault {
        static Fault dropAfterForwarding() {
            return new DropAfterForwarding();
        }

        static Fault respond(int status, String contentType, String body) {
            return new Respond(status, contentType, body);
        }

        static Fault beforeForwarding(Runnable action) {
            return new BeforeForwarding(action);
        }

        /** The service answering {@code delay} later than it would. */
        static Fault slow(Duration delay) {
            return beforeForwarding(() -> {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    record BeforeForwarding(Runnable action) implements Fault {
    }

    record DropAfterForwarding() implements Fault {
    }

    record Respond(int status, String contentType, String body) implements Fault {
    }

    private record Rule(Predicate<String> target, Fault fault) {
    }

    private HttpServer server;
    private final URI upstream;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Deque<Rule> scheduled = new ArrayDeque<>();
    private final AtomicInteger injected = new AtomicInteger();
    private Random random;
    private double rate;
    private Predicate<String> randomTarget = t -> false;
    private Fault[] randomFaults = new Fault[0];

    private FaultyHttpProxy(URI upstream) {
        this.upstream = upstream;
    }

    public static FaultyHttpProxy start(URI upstream) {
        var proxy = new FaultyHttpProxy(upstream);
        proxy.server = LoopbackHttpServer.start(0, "/", "faulty-proxy", proxy::handle);
        return proxy;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * The next request whose operation matches gets this fault. The operation is the
     * {@code X-Amz-Target} header (e.g. {@code DynamoDB_20120810.PutItem}) or, without one,
     * {@code METHOD /path}.
     */
    public synchronized void failNext(Predicate<String> operation, Fault fault) {
        scheduled.add(new Rule(operation, fault));
    }

    /** Each matching request fails with probability {@code rate}, with one of the faults (seeded, so repeatable). */
    public synchronized void failRandomly(Predicate<String> operation, double rate, long seed, Fault... faults) {
        this.randomTarget = operation;
        this.rate = rate;
        this.random = new Random(seed);
        this.randomFaults = faults.clone();
    }

    public int faultsInjected() {
        return injected.get();
    }

    private synchronized Fault faultFor(String operation) {
        for (var rule : scheduled) {
            if (rule.target().test(operation)) {
                scheduled.remove(rule);
                return rule.fault();
            }
        }
        if (randomTarget.test(operation) && random.nextDouble() < rate) {
            return randomFaults[random.nextInt(randomFaults.length)];
        }
        return null;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target != null ? target : exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        Fault fault = faultFor(operation);
        if (fault instanceof Respond respond) {
            injected.incrementAndGet();
            byte[] bytes = respond.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", respond.contentType());
            exchange.sendResponseHeaders(respond.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
            return;
        }
        if (fault instanceof BeforeForwarding before) {
            injected.incrementAndGet();
            before.action().run();
        }
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(forward(exchange, body), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
            return;
        }
        if (fault instanceof DropAfterForwarding) {
            injected.incrementAndGet();
            exchange.close();
            return;
        }
        answer.headers().map().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
        exchange.getResponseBody().write(answer.body());
        exchange.close();
    }

    private HttpRequest forward(HttpExchange exchange, byte[] body) {
        var request = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofSeconds(30));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
