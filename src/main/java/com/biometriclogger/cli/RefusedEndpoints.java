package com.biometriclogger.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which exported loopback endpoints ({@code AWS_ENDPOINT_URL_*}) nothing listens on. The SDK's
 * "connection refused" names no endpoint, and the usual cause is a local stack that was stopped or
 * runs on other ports, so a command says which one and what to start.
 */
public final class RefusedEndpoints {

    private RefusedEndpoints() {
    }

    /** @return the refused endpoints, one a line with its variable, and the question to ask, when there are any */
    public static Optional<String> named(Map<String, String> env) {
        var refused = new TreeMap<String, String>();
        env.forEach((name, value) -> {
            if (name.startsWith("AWS_ENDPOINT_URL_") && isLoopback(value) && !answers(value)) {
                refused.put(name, value);
            }
        });
        if (refused.isEmpty()) {
            return Optional.empty();
        }
        var named = new StringBuilder("nothing answers at");
        refused.forEach((name, value) -> named.append("\n  ").append(value.strip()).append(" (").append(name).append(')'));
        return Optional.of(named.append("\nis `target/bin/local --serve` running?").toString());
    }

    public static boolean isLoopback(String endpoint) {
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
