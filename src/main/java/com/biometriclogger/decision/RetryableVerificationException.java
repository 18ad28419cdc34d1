package com.biometriclogger.decision;

import java.util.stream.Collectors;

/**
 * Thrown after every record of an invocation was tried, when at least one met a fault that may
 * pass. Failing the invocation makes Lambda retry it; records already audited are then seen as
 * duplicates, so the retry is safe.
 */
public final class RetryableVerificationException extends RuntimeException {

    private final transient VerificationReport report;

    public RetryableVerificationException(VerificationReport report) {
        super(describe(report));
        this.report = report;
    }

    public VerificationReport report() {
        return report;
    }

    private static String describe(VerificationReport report) {
        return report.count(VerificationReport.Outcome.FAILED) + " of " + report.results().size()
                + " records failed and must be retried: "
                + report.results().stream()
                        .filter(r -> r.outcome() == VerificationReport.Outcome.FAILED)
                        .map(VerificationReport.RecordResult::describe)
                        .collect(Collectors.joining("; "));
    }
}
