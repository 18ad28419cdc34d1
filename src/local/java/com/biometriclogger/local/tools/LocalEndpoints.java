package com.biometriclogger.local.tools;

import java.net.URI;
import java.util.Map;

/** The {@code --serve} exports as a command that must only ever reach the local stack checks them. */
final class LocalEndpoints {

    static final String PASTE_EXPORTS = "paste the export line `target/bin/local --serve` printed into this shell";

    private LocalEndpoints() {
    }

    /** @throws IllegalStateException unless DynamoDB, the ledger, is a loopback endpoint */
    static void require(Map<String, String> env, String command) {
        String endpoint = env.get("AWS_ENDPOINT_URL_DYNAMODB");
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalStateException(command + " runs against the --serve stack only: " + PASTE_EXPORTS);
        }
        String host = URI.create(endpoint.strip()).getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            throw new IllegalStateException(command + " runs against the --serve stack only, not " + endpoint
                    + ": " + PASTE_EXPORTS);
        }
    }
}
