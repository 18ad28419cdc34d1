package com.biometriclogger.decision;

import java.util.function.LongSupplier;

/**
 * Who asked for a verification (recorded with every decision for tracing back to the logs), and how
 * long the invocation has left before the platform stops it.
 */
public record Invocation(String requestId, String functionVersion, LongSupplier remainingMillis) {

    /** Without a deadline: the local tools, which no platform stops. */
    public Invocation(String requestId, String functionVersion) {
        this(requestId, functionVersion, () -> Long.MAX_VALUE);
    }
}
