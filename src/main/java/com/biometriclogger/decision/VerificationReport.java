package com.biometriclogger.decision;

import java.util.List;

/** What became of each record of one invocation; the handler's result. */
public record VerificationReport(List<RecordResult> results) {

    public VerificationReport {
        results = List.copyOf(results);
    }

    public long count(Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    public enum Outcome {
        /** A new audit item was written. */
        AUDITED,
        /** An earlier delivery of the same upload already wrote its item; nothing was written. */
        DUPLICATE,
        /** Outside this function's scope; no audit item by design. */
        SKIPPED,
        /** A fault that may pass (throttling, 5xx, timeout): the invocation fails so Lambda retries. */
        FAILED
    }

    /**
     * @param decision null unless the record was judged (AUDITED or DUPLICATE)
     * @param detail   why a record was skipped or failed, else empty
     */
    public record RecordResult(
            String bucket,
            String key,
            String versionId,
            Outcome outcome,
            Decision decision,
            List<ReasonCode> reasons,
            String sha256,
            String detail) {
    }
}
