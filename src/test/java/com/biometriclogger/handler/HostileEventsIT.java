package com.biometriclogger.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.biometriclogger.decision.DecisionReport;
import com.biometriclogger.decision.DecisionReport.Outcome;
import com.biometriclogger.decision.DecisionReport.RecordResult;
import com.biometriclogger.decision.RetryableDecisionException;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.FaultyHttpProxy;
import com.biometriclogger.local.stack.FaultyHttpProxy.Fault;
import com.biometriclogger.local.stack.LocalContext;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.LogCapture;
import com.biometriclogger.testing.Scenario;
import com.biometriclogger.util.Sha256;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Strange and hostile events against the real handler and the local stack, each as the Lambda
 * runtime hands it over (JSON read into maps): every record ends as one audit item or a visible,
 * retryable failure; nothing succeeds silently, a bad record never costs its neighbours their items,
 * and an upload is judged and signed once, whatever the event repeats.
 */
@ExtendWith(LocalStackExtension.class)
class HostileEventsIT {

    private Scenario scenario;

    @BeforeEach
    void newScenario(Scenario scenario) {
        this.scenario = scenario;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "eventbridge-object-created.json | an EventBridge event arrived (source aws.s3, detail-type 'Object Created')",
            "object-without-records.json | a JSON object without Records arrived (fields bucket, key): not an S3 event notification"})
    @DisplayName("an event that is not an S3 notification fails the invocation, naming what arrived")
    void anEventThatIsNotAnS3NotificationFailsNamingWhatArrived(String file, String named) {
        String logs = LogCapture.productionLogsOf(() -> {
            var error = assertThrows(MalformedEventException.class,
                    () -> Scenario.invoke(scenario.handler(), Scenario.eventJson(file)));
            assertTrue(error.getMessage().startsWith(named), error.getMessage());
        });

        assertTrue(logs.lines().anyMatch(line -> line.contains("\"level\":\"ERROR\"") && line.contains(named)), logs);
        assertEquals(0, scenario.auditItems().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "sqs-envelope.json | record 0 comes from eventSource aws:sqs, not aws:s3 (an SQS message",
            "sns-envelope.json | record 0 is an SNS message (EventSource aws:sns)"})
    @DisplayName("an S3 notification wrapped by SQS or SNS fails the invocation, naming the wrapper")
    void anEnvelopeFailsNamingTheWrapper(String file, String named) {
        var failure = assertThrows(RetryableDecisionException.class,
                () -> Scenario.invoke(scenario.handler(), Scenario.eventJson(file)));

        assertTrue(failure.report().results().get(0).detail().startsWith(named), failure.getMessage());
        assertEquals(0, scenario.auditItems().size());
    }

    @Test
    @DisplayName("a JSON array of events never reaches the function: the runtime cannot read it as the handler's input")
    void aJsonArrayIsRefusedByTheRuntimesDeserializer() {
        var error = assertThrows(RuntimeException.class, () -> Scenario.eventJson("array-of-events.json"));

        assertTrue(String.valueOf(error.getCause()).contains("array"), String.valueOf(error.getCause()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "key with %zz | record 1 has s3.object.key uploads/bob/%zz.jpg with a malformed percent-escape at character 12",
            "key ending in % | record 1 has s3.object.key uploads/bob/a.jpg% with a malformed percent-escape at character 17",
            "no s3 block | record 1 has no s3",
            "no eventName | record 1 has no eventName"})
    @DisplayName("a malformed record between two good ones: it fails, naming the field; its neighbours are audited")
    void aMalformedRecordFailsAloneAfterItsNeighboursAreAudited(String malformation, String named) {
        var first = scenario.upload("uploads/alice/selfie.jpg", clearFace(3001));
        var last = scenario.upload("uploads/carol/selfie.jpg", clearFace(3002));
        var event = S3Events.delivered(S3Events.event(first, scenario.upload("uploads/bob/selfie.jpg", clearFace(3003)), last));
        malform(record(event, 1), malformation);

        var failure = assertThrows(RetryableDecisionException.class, () -> Scenario.invoke(scenario.handler(), event));

        assertEquals(List.of(Outcome.AUDITED, Outcome.FAILED, Outcome.AUDITED), outcomes(failure.report()));
        assertEquals(named, failure.report().results().get(1).detail());
        assertEquals(List.of("uploads/alice/selfie.jpg", "uploads/carol/selfie.jpg"), keys());
    }

    @Test
    @DisplayName("an event without the version id, then the proper event: one item, for the version S3 returned")
    void aRecordWithoutItsVersionIdThenTheProperOneMakeOneItem() {
        byte[] selfie = clearFace(3101);
        var proper = scenario.upload("uploads/alice/selfie.jpg", selfie);
        var withoutVersion = S3Events.delivered(S3Events.event(proper));
        object(record(withoutVersion, 0)).remove("versionId");

        var first = Scenario.invoke(scenario.handler(), withoutVersion);
        var second = scenario.invoke(S3Events.event(proper));

        String versionId = proper.getS3().getObject().getVersionId();
        assertEquals(List.of(Outcome.AUDITED), outcomes(first));
        assertEquals(versionId, first.results().get(0).versionId());
        assertEquals(List.of(Outcome.DUPLICATE), outcomes(second));
        var item = scenario.onlyAuditItem();
        assertEquals(versionId, item.get("versionId"));
        assertEquals(Sha256.hex(selfie), item.get("sha256"));
    }

    @Test
    @DisplayName("a record naming neither version id nor eTag, after the key was overwritten: a failure, not a read of the current object")
    void aRecordWithNeitherVersionIdNorETagIsNotJudgedAsWhateverIsCurrent() {
        var original = scenario.upload("uploads/alice/selfie.jpg", TestImages.jpeg(3201));
        scenario.put("uploads/alice/selfie.jpg", clearFace(3202));
        var neighbour = scenario.upload("uploads/bob/selfie.jpg", clearFace(3203));
        var event = S3Events.delivered(S3Events.event(original, neighbour));
        object(record(event, 0)).remove("versionId");
        object(record(event, 0)).remove("eTag");

        var failure = assertThrows(RetryableDecisionException.class, () -> Scenario.invoke(scenario.handler(), event));

        assertEquals(List.of(Outcome.FAILED, Outcome.AUDITED), outcomes(failure.report()));
        assertTrue(failure.report().results().get(0).detail().startsWith(
                "record 0 names neither s3.object.versionId nor s3.object.eTag"), failure.getMessage());
        assertEquals(List.of("uploads/bob/selfie.jpg"), keys());
    }

    @Test
    @DisplayName("unversioned bucket, an image over 5 MiB overwritten while DetectFaces would run: refused, never judged by an unpinned reference")
    void aLargeImageInAnUnversionedBucketIsRefusedRatherThanJudgedByAnUnpinnedReference() {
        String bucket = "biometric-logger-unversioned-" + UUID.randomUUID().toString().substring(0, 8);
        scenario.stack().s3().createBucket(b -> b.bucket(bucket));
        byte[] large = TestImages.noisePng(3301, 1400);
        assertTrue(large.length > 5 * 1024 * 1024, "size " + large.length);
        byte[] replacement = clearFace(3302);
        String key = "uploads/alice/large.png";
        var put = scenario.stack().s3().putObject(b -> b.bucket(bucket).key(key),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(large));
        var event = S3Events.event(S3Events.objectCreated("us-east-1", bucket, key, large.length, put, 1));
        try (var rekognition = FaultyHttpProxy.start(scenario.stack().rekognition().endpoint())) {
            // The attack: the key is overwritten just as Rekognition is asked to read it by reference.
            rekognition.failNext(op -> op.endsWith("DetectFaces"), Fault.beforeForwarding(() -> scenario.stack().s3()
                    .putObject(b -> b.bucket(bucket).key(key), software.amazon.awssdk.core.sync.RequestBody.fromBytes(replacement))));
            var handler = scenario.handler(Map.of("UPLOAD_BUCKET", bucket,
                    "AWS_ENDPOINT_URL_REKOGNITION", rekognition.endpoint().toString()));

            Scenario.invoke(handler, event);

            assertEquals(0, rekognition.faultsInjected(), "Rekognition was never asked to read the unpinned key");
        }
        var item = scenario.onlyAuditItem();
        assertEquals("REJECTED", item.get("decision"));
        assertEquals("UNVERSIONED_TOO_LARGE", item.get("reasons"));
        assertEquals(Sha256.hex(large), item.get("sha256"), "the hash is of the bytes read, which nothing judged otherwise");
    }

    @Test
    @DisplayName("100 records, DetectFaces taking 300 ms, the 30 s timeout: all audited within Lambda's retries, each judged and signed once")
    void aHundredRecordsWithASlowRekognitionConvergeWithinTheRetries() {
        List<S3EventNotificationRecord> records = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            records.add(scenario.upload("uploads/many/" + i + ".jpg", TestImages.jpeg(3400 + i)));
        }
        var event = S3Events.delivered(S3Events.event(records));
        try (var rekognition = FaultyHttpProxy.start(scenario.stack().rekognition().endpoint())) {
            var handler = scenario.handler(Map.of("AWS_ENDPOINT_URL_REKOGNITION", rekognition.endpoint().toString()));
            Scenario.invoke(handler, S3Events.event(scenario.upload("uploads/warm/container.jpg", TestImages.jpeg(3499))));
            int detectsBefore = detectFacesCalls();
            int signsBefore = signCalls();
            // 100 x 300 ms of DetectFaces alone fill the function's 30 s.
            rekognition.failRandomly(op -> op.endsWith("DetectFaces"), 1.0, 1, Fault.slow(Duration.ofMillis(300)));
            List<String> attempts = new ArrayList<>();
            String logs = LogCapture.productionLogsOf(() -> {
                // Lambda's asynchronous invocation: the first attempt and two retries.
                for (int attempt = 1; attempt <= 3 && !attempts.contains("succeeded"); attempt++) {
                    var context = new LocalContext(UUID.randomUUID().toString(), LocalContext.FUNCTION_TIMEOUT);
                    try {
                        handler.handleRequest(event, context);
                        attempts.add("succeeded");
                    } catch (RetryableDecisionException e) {
                        attempts.add("failed");
                    }
                    assertTrue(context.getRemainingTimeInMillis() > 0, "attempt " + attempt + " ran past the function's timeout");
                }
            });

            assertEquals("succeeded", attempts.get(attempts.size() - 1), "attempts: " + attempts);
            assertTrue(attempts.size() >= 2, "one invocation cannot judge them all, so the stop must have happened: " + attempts);
            assertTrue(logs.lines().anyMatch(line -> line.contains("\"level\":\"ERROR\"")
                    && line.contains("stopping before the function's timeout")), "our own ERROR line");
            assertEquals(100, detectFacesCalls() - detectsBefore, "each record judged once, none again on the retries");
            assertEquals(100, signCalls() - signsBefore, "each item signed once");
        }
        assertEquals(101, scenario.auditItems().size());
    }

    @Test
    @DisplayName("the same record 50 times in one event: one item, one DetectFaces, one signature")
    void theSameRecordFiftyTimesIsJudgedAndSignedOnce() {
        var record = scenario.upload("uploads/alice/selfie.jpg", clearFace(3501));
        int detectsBefore = detectFacesCalls();
        int signsBefore = signCalls();

        var report = scenario.invoke(S3Events.event(Collections.nCopies(50, record)));

        assertEquals(1, report.count(Outcome.AUDITED));
        assertEquals(49, report.count(Outcome.DUPLICATE));
        assertEquals("repeats record 0 of this event", report.results().get(49).detail());
        assertEquals(1, scenario.auditItems().size());
        assertEquals(1, detectFacesCalls() - detectsBefore);
        assertEquals(1, signCalls() - signsBefore);
    }

    @Test
    @DisplayName("a redelivered record costs no Rekognition call and no signature: the pre-check finds its item")
    void aRedeliveredRecordCostsNoRekognitionOrKmsCall() {
        var event = S3Events.event(scenario.upload("uploads/alice/selfie.jpg", clearFace(3601)));
        scenario.invoke(event);
        int detectsBefore = detectFacesCalls();
        int signsBefore = signCalls();

        var redelivered = scenario.invoke(event);

        assertEquals(List.of(Outcome.DUPLICATE), outcomes(redelivered));
        assertEquals(0, detectFacesCalls() - detectsBefore);
        assertEquals(0, signCalls() - signsBefore);
        assertEquals(1, scenario.auditItems().size());
    }

    private static void malform(Map<String, Object> record, String malformation) {
        switch (malformation) {
            case "key with %zz" -> object(record).put("key", "uploads/bob/%zz.jpg");
            case "key ending in %" -> object(record).put("key", "uploads/bob/a.jpg%");
            case "no s3 block" -> record.remove("s3");
            case "no eventName" -> record.remove("eventName");
            default -> throw new IllegalArgumentException(malformation);
        }
    }

    private byte[] clearFace(long seed) {
        byte[] image = TestImages.jpeg(seed);
        scenario.faces().respond(image, "one-clear-face.json");
        return image;
    }

    private int detectFacesCalls() {
        return scenario.stack().rekognition().callCount("DetectFaces");
    }

    private int signCalls() {
        return scenario.stack().kms().callCount("Sign");
    }

    /** The event's record, changeable: {@link S3Events#delivered} builds fresh maps. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> record(Map<String, Object> event, int index) {
        return ((List<Map<String, Object>>) event.get("Records")).get(index);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> record) {
        return (Map<String, Object>) ((Map<String, Object>) record.get("s3")).get("object");
    }

    private List<String> keys() {
        return scenario.auditItems().stream().map(item -> item.get("objectKey").s()).toList();
    }

    private static List<Outcome> outcomes(DecisionReport report) {
        return report.results().stream().map(RecordResult::outcome).toList();
    }
}
