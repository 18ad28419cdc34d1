package com.biometriclogger.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.biometriclogger.decision.DecisionReport.Outcome;
import com.biometriclogger.decision.RetryableDecisionException;
import com.biometriclogger.local.stack.FaultyHttpProxy;
import com.biometriclogger.local.stack.FaultyHttpProxy.Fault;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.LogCapture;
import com.biometriclogger.testing.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What cannot be judged is never dropped silently: a foreign event is skipped with a log line; a deployment fault or a
 * malformed record fails the invocation, naming the cause, so Lambda retries and alarms. S3 faults are injected at the
 * wire ({@link FaultyHttpProxy}).
 */
class LoudFailuresIT extends UploadScenario {

    @Test
    @DisplayName("case 14: S3 AccessDenied fails the invocation loudly, naming a deployment fault")
    void accessDeniedIsADeploymentFault() {
        try (var proxy = FaultyHttpProxy.start(scenario.stack().s3Endpoint())) {
            proxy.failRandomly(op -> op.startsWith("GET "), 1.0, 1, Fault.respond(403, "application/xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"));
            var handler = scenario.handler(Map.of("AWS_ENDPOINT_URL_S3", proxy.endpoint().toString()));
            var event = S3Events.event(scenario.upload("uploads/alice/selfie.jpg", clearFace(2101)));

            String logs = LogCapture.productionLogsOf(() -> {
                var failure = assertThrows(RetryableDecisionException.class, () -> Scenario.invoke(handler, event));
                assertTrue(failure.getMessage().contains("S3 AccessDenied"), failure.getMessage());
            });

            assertTrue(logs.lines().anyMatch(l -> l.contains("\"level\":\"ERROR\"") && l.contains("deployment fault")
                    && l.contains("S3 AccessDenied")), logs);
            assertEquals(0, scenario.auditItems().size());
        }
    }

    @Test
    @DisplayName("case 14: a missing bucket fails the invocation as a deployment fault, not as a gone object")
    void missingBucketIsADeploymentFault() {
        // The record of a real upload, but its bucket is gone: only the bucket can make it fail.
        var object = scenario.upload("uploads/alice/selfie.jpg", clearFace(2201)).getS3().getObject();
        var elsewhere = S3Events.objectCreated("us-east-1", "bucket-that-was-deleted", object.getKey(),
                object.getSizeAsLong(), object.geteTag(), object.getVersionId(), 1);

        var failure = assertThrows(RetryableDecisionException.class, () ->
                Scenario.invoke(scenario.handler(Map.of("UPLOAD_BUCKET", "bucket-that-was-deleted")), S3Events.event(elsewhere)));

        assertTrue(failure.getMessage().contains("S3 NoSuchBucket"), failure.getMessage());
        assertEquals(0, scenario.auditItems().size());
    }

    @Test
    @DisplayName("case 16: an event for another bucket is skipped; a record without an object is a clear, retryable failure")
    void foreignAndMalformedEvents() {
        var skipped = scenario.invoke(EventLoader.loadS3Event("events/another-bucket.json"));
        assertEquals(List.of(Outcome.SKIPPED), outcomes(skipped));
        assertTrue(skipped.results().get(0).detail().contains("someone-elses-bucket"));

        var error = assertThrows(RetryableDecisionException.class,
                () -> Scenario.invoke(scenario.handler(), Scenario.eventJson("malformed-record.json")));
        assertEquals("1 of 1 records failed and must be retried: record 0 has no s3.object", error.getMessage());
        assertEquals(0, scenario.auditItems().size());
    }
}
