package com.biometriclogger.local.tools;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The {@code --serve} exports, as the local commands check them before and after a call fails. */
final class LocalEndpoints {

    static final String DYNAMODB = "AWS_ENDPOINT_URL_DYNAMODB";
    static final String PASTE_EXPORTS = "paste the export line `target/bin/local --serve` printed into this shell";

    private LocalEndpoints() {
    }

    /** @throws IllegalStateException unless DynamoDB, the ledger, is a loopback endpoint */
    static void require(Map<String, String> env, String command) {
        String endpoint = env.get(DYNAMODB);
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalStateException(command + " runs against the --serve stack only: " + PASTE_EXPORTS);
        }
        if (!isLoopback(endpoint)) {
            throw new IllegalStateException(command + " runs against the --serve stack only, not " + endpoint
                    + ": " + PASTE_EXPORTS);
        }
    }

    /**
     * Which exported loopback endpoints nothing listens on: the SDK's "connection refused" names no
     * endpoint, and the usual cause is a --serve that was stopped or runs on other ports.
     */
    static Optional<String> refused(Map<String, String> env) {
        var refused = new TreeMap<String, String>();
        env.forEach((name, value) -> {
            if (name.startsWith("AWS_ENDPOINT_URL_") && isLoopback(value) && !answers(value)) {
                refused.put(name, value);
            }
        });
        if (refused.isEmpty()) {
            return Optional.empty();
        }
        var named = new StringBuilder();
        refused.forEach((name, value) -> named.append(named.isEmpty() ? "" : ", ").append(value).append(" (").append(name)
                .append(')'));
        return Optional.of("nothing answers at " + named + ": is `target/bin/local --serve` running?");
    }

    private static boolean isLoopback(String endpoint) {
        try {
            String host = URI.create(endpoint.strip()).getHost();
            return "127.0.0.1".equals(host) || "localhost".equals(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean answers(String endpoint) {
        var uri = URI.create(endpoint.strip());
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
