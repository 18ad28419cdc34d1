package com.biometriclogger.decision;

import java.util.stream.Collectors;

/**
 * Thrown after every record of an invocation was tried, when at least one met a fault that may
 * pass. Failing the invocation makes Lambda retry it; records already audited are then seen as
 * duplicates, so the retry is safe.
 */
public final class RetryableDecisionException extends RuntimeException {

    private final transient DecisionReport report;

    public RetryableDecisionException(DecisionReport report) {
        super(describe(report));
        this.report = report;
    }

    public DecisionReport report() {
        return report;
    }

    private static String describe(DecisionReport report) {
        return report.count(DecisionReport.Outcome.FAILED) + " of " + report.results().size()
                + " records failed and must be retried: "
                + report.results().stream()
                        .filter(r -> r.outcome() == DecisionReport.Outcome.FAILED)
                        .map(DecisionReport.RecordResult::describe)
                        .collect(Collectors.joining("; "));
    }
}
