package com.biometriclogger.local.tools;

import com.biometriclogger.cli.RefusedEndpoints;
import java.util.Map;

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
        if (!RefusedEndpoints.isLoopback(endpoint)) {
            throw new IllegalStateException(command + " runs against the --serve stack only, not " + endpoint
                    + ": " + PASTE_EXPORTS);
        }
    }
}
