package com.biometriclogger.decision;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What became of each record of one invocation; the handler's result. */
public record DecisionReport(List<RecordResult> results) {

    public DecisionReport {
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
        /**
         * Not decided in this invocation: a fault that may pass (throttling, 5xx, timeout), too little
         * time left to start it, or a record that names no upload. The invocation fails so Lambda retries.
         */
        FAILED
    }

    /**
     * One record's fate, as the Lambda runtime serialises it into the invocation's response.
     *
     * @param decision null unless a new item was written (AUDITED): the runtime writes it as JSON null
     * @param sha256   null unless the image was read
     * @param detail   why a record was skipped, duplicate or failed, else empty
     */
    public record RecordResult(
            String bucket,
            String key,
            String versionId,
            Outcome outcome,
            @Nullable Decision decision,
            List<ReasonCode> reasons,
            @Nullable String sha256,
            String detail) {

        public static RecordResult audited(ObjectVersion object, Verdict verdict, String sha256) {
            return new RecordResult(object.bucket(), object.key(), object.versionId(), Outcome.AUDITED,
                    verdict.decision(), verdict.reasons(), sha256, "");
        }

        /** Why a duplicate was found before it was judged: it cost one read of the item, nothing else. */
        public static final String FOUND_BEFORE_JUDGING = "already audited by an earlier delivery; not judged again";
        /**
         * Found only at the write-once condition: a delivery in flight at the same time wrote first, or
         * this one's own write took effect but its answer was lost and the SDK's retry met the
         * condition. Either way this delivery judged and signed too, and one item stands.
         */
        public static final String WRITTEN_MEANWHILE = "already audited when the write was made (a concurrent delivery,"
                + " or this write's own lost answer); nothing more written";

        /** @param why {@link #FOUND_BEFORE_JUDGING} or {@link #WRITTEN_MEANWHILE} */
        public static RecordResult duplicate(ObjectVersion object, @Nullable String sha256, String why) {
            return new RecordResult(object.bucket(), object.key(), object.versionId(), Outcome.DUPLICATE, null,
                    List.of(), sha256, why);
        }

        /** The same upload as an earlier record of this event: decided there, nothing asked here. */
        public static RecordResult repeated(ObjectVersion object, int earlierIndex) {
            return new RecordResult(object.bucket(), object.key(), object.versionId(), Outcome.DUPLICATE, null,
                    List.of(), null, "repeats record " + earlierIndex + " of this event");
        }

        public static RecordResult skipped(ObjectVersion object, String why) {
            return new RecordResult(object.bucket(), object.key(), object.versionId(), Outcome.SKIPPED, null,
                    List.of(), null, why);
        }

        public static RecordResult failed(ObjectVersion object, RuntimeException fault) {
            return new RecordResult(object.bucket(), object.key(), object.versionId(), Outcome.FAILED, null,
                    List.of(), null, fault.getClass().getSimpleName() + ": " + fault.getMessage());
        }

        public static RecordResult unreadable(UnreadableRecord record) {
            return new RecordResult("", "", "", Outcome.FAILED, null, List.of(), null,
                    "record " + record.index() + " " + record.problem());
        }

        public static RecordResult notStarted(ObjectVersion object, String why) {
            return new RecordResult(object.bucket(), object.key(), object.versionId(), Outcome.FAILED, null,
                    List.of(), null, why);
        }

        /** For failure messages: the object, where the record named one, and what became of it. */
        String describe() {
            return (bucket.isEmpty() ? "" : "s3://" + bucket + "/" + key + " (version " + versionId + "): ") + detail;
        }
    }
}
