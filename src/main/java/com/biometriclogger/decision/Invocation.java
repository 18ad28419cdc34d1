package com.biometriclogger.decision;

/** Who asked for a verification: recorded with every decision for tracing back to the logs. */
public record Invocation(String requestId, String functionVersion) {
}
