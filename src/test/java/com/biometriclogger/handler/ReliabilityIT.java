package com.biometriclogger.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.biometriclogger.decision.AuditLog;
import com.biometriclogger.decision.DecisionReport;
import com.biometriclogger.decision.DecisionReport.Outcome;
import com.biometriclogger.decision.RetryableDecisionException;
import com.biometriclogger.local.facebackend.RekognitionError;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.FaultyHttpProxy;
import com.biometriclogger.local.stack.FaultyHttpProxy.Fault;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.LogCapture;
import com.biometriclogger.testing.Scenario;
import com.biometriclogger.util.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The promise: every upload ends as exactly one audit item, or as a visible, retryable failure;
 * never zero silently, never two, never one that contradicts the bytes. Faults are injected at
 * the wire ({@link FaultyHttpProxy}, the Rekognition endpoint's fault plan) or at a named seam of
 * our own ({@link AuditLog}), never by mocking the SDK.
 */
@ExtendWith(LocalStackExtension.class)
class ReliabilityIT {

    private Scenario scenario;

    @BeforeEach
    void newScenario(Scenario scenario) {
        this.scenario = scenario;
    }

    private byte[] clearFace(long seed) {
        byte[] image = TestImages.jpeg(seed);
        scenario.faces().respond(image, "one-clear-face.json");
        return image;
    }

    @Test
    @DisplayName("case 1: the same event delivered twice makes one item; the second invocation succeeds and logs DUPLICATE")
    void sameEventTwiceIsOneItem() {
        var event = S3Events.event(scenario.upload("uploads/alice/selfie.jpg", clearFace(1001)));

        scenario.invoke(event);
        String logs = LogCapture.productionLogsOf(() -> assertEquals(List.of(Outcome.DUPLICATE), outcomes(scenario.invoke(event))));

        assertEquals(1, scenario.auditItems().size());
        assertTrue(logs.contains("\"outcome\":\"DUPLICATE\"") && logs.contains("DUPLICATE: this upload was already audited"), logs);
    }

    @Test
    @DisplayName("case 2: the same event delivered concurrently to two containers makes one item; the loser succeeds")
    void concurrentDeliveriesMakeOneItem() throws Exception {
        ExecutorService containers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                var event = S3Events.event(scenario.upload("uploads/race/" + round + ".jpg", clearFace(1100 + round)));
                DecisionHandler first = scenario.handler();
                DecisionHandler second = scenario.handler();
                var start = new CyclicBarrier(2);
                Future<DecisionReport> a = containers.submit(() -> {
                    start.await();
                    return Scenario.invoke(first, event);
                });
                Future<DecisionReport> b = containers.submit(() -> {
                    start.await();
                    return Scenario.invoke(second, event);
                });
                Set<Outcome> outcomes = Set.of(a.get().results().get(0).outcome(), b.get().results().get(0).outcome());
                assertEquals(Set.of(Outcome.AUDITED, Outcome.DUPLICATE), outcomes, "round " + round);
            }
        } finally {
            containers.shutdownNow();
        }
        assertEquals(10, scenario.auditItems().size());
    }

    @Test
    @DisplayName("case 3: a redelivery hours later, after newer uploads of the same key, still finds its one item")
    void lateRedeliveryAfterNewerVersions() {
        byte[] first = clearFace(1201);
        var original = S3Events.event(scenario.upload("uploads/alice/door.jpg", first));
        scenario.invoke(original);
        scenario.invoke(S3Events.event(scenario.upload("uploads/alice/door.jpg", clearFace(1202))));
        scenario.invoke(S3Events.event(scenario.upload("uploads/alice/door.jpg", clearFace(1203))));

        var late = scenario.invoke(original);

        assertEquals(List.of(Outcome.DUPLICATE), outcomes(late));
        var items = scenario.auditItems();
        assertEquals(3, items.size());
        String versionId = original.getRecords().get(0).getS3().getObject().getVersionId();
        var forOriginal = items.stream().map(Scenario::asStrings).filter(i -> i.get("versionId").equals(versionId)).toList();
        assertEquals(1, forOriginal.size());
        assertEquals(Sha256.hex(first), forOriginal.get(0).get("sha256"));
    }

    @Test
    @DisplayName("case 4: a crash after DetectFaces and before the write, then the retry: one item, decided from the same bytes")
    void crashBeforeTheWriteThenRetry() {
        byte[] selfie = clearFace(1301);
        var event = S3Events.event(scenario.upload("uploads/alice/selfie.jpg", selfie));
        int detectCallsBefore = scenario.stack().rekognition().callCount("DetectFaces");

        var crashing = handlerWithAuditLog(crashOnceBeforeWriting());
        assertThrows(RetryableDecisionException.class, () -> Scenario.invoke(crashing, event));
        assertEquals(0, scenario.auditItems().size());

        assertEquals(List.of(Outcome.AUDITED), outcomes(scenario.invoke(event)));
        var item = scenario.onlyAuditItem();
        assertEquals(Sha256.hex(selfie), item.get("sha256"));
        assertEquals("AUTHORIZED", item.get("decision"));
        assertEquals(detectCallsBefore + 2, scenario.stack().rekognition().callCount("DetectFaces"));
    }

    @Test
    @DisplayName("case 5: a DynamoDB write that times out but succeeded, then the SDK's retry: one item, the invocation succeeds")
    void writeThatTimedOutButSucceeded() {
        try (var proxy = FaultyHttpProxy.start(scenario.stack().dynamoDbEndpoint())) {
            proxy.failNext(op -> op.endsWith(".PutItem"), Fault.dropAfterForwarding());
            var handler = scenario.handler(Map.of("AWS_ENDPOINT_URL_DYNAMODB", proxy.endpoint().toString()));
            byte[] selfie = clearFace(1401);

            var report = Scenario.invoke(handler, S3Events.event(scenario.upload("uploads/alice/selfie.jpg", selfie)));

            assertEquals(1, proxy.faultsInjected());
            assertEquals(List.of(Outcome.DUPLICATE), outcomes(report));
            var item = scenario.onlyAuditItem();
            assertEquals("AUTHORIZED", item.get("decision"));
            assertEquals(Sha256.hex(selfie), item.get("sha256"));
        }
    }

    @Test
    @DisplayName("case 6: one event, several records, bad ones among them: good ones audited, the bad judged or retried per kind")
    void goodRecordsSurviveBadNeighbours() {
        var good = scenario.upload("uploads/alice/selfie.jpg", clearFace(1501));
        var notAnImage = scenario.upload("uploads/bob/notes.jpg", "text".getBytes(StandardCharsets.UTF_8));
        byte[] throttledBytes = TestImages.jpeg(1502);
        scenario.faces().fail(throttledBytes, RekognitionError.throttling());
        var throttled = scenario.upload("uploads/carol/selfie.jpg", throttledBytes);
        var alsoGood = scenario.upload("uploads/dave/selfie.jpg", clearFace(1503));

        var failure = assertThrows(RetryableDecisionException.class,
                () -> scenario.invoke(S3Events.event(good, notAnImage, throttled, alsoGood)));

        assertEquals(List.of(Outcome.AUDITED, Outcome.AUDITED, Outcome.FAILED, Outcome.AUDITED), outcomes(failure.report()));
        assertEquals(List.of("uploads/alice/selfie.jpg AUTHORIZED", "uploads/bob/notes.jpg REJECTED",
                "uploads/dave/selfie.jpg AUTHORIZED"), keysAndDecisions());
    }

    @Test
    @DisplayName("case 7: two versions of one key, events out of order: two items, each pinned to its version and hash")
    void versionsOutOfOrder() {
        byte[] v1 = clearFace(1601);
        byte[] v2 = clearFace(1602);
        var first = scenario.upload("uploads/alice/selfie.jpg", v1);
        var second = scenario.upload("uploads/alice/selfie.jpg", v2);

        scenario.invoke(S3Events.event(second));
        scenario.invoke(S3Events.event(first));

        Map<String, String> hashByVersion = new java.util.HashMap<>();
        scenario.auditItems().stream().map(Scenario::asStrings).forEach(i -> hashByVersion.put(i.get("versionId"), i.get("sha256")));
        assertEquals(Map.of(first.getS3().getObject().getVersionId(), Sha256.hex(v1),
                second.getS3().getObject().getVersionId(), Sha256.hex(v2)), hashByVersion);
    }

    @Test
    @DisplayName("case 8: object overwritten between event and read: the pinned version is judged")
    void overwrittenBeforeTheRead() {
        byte[] original = clearFace(1701);
        var event = S3Events.event(scenario.upload("uploads/alice/selfie.jpg", original));
        byte[] replacement = TestImages.png(1702);
        scenario.faces().respond(replacement, "no-face.json");
        scenario.put("uploads/alice/selfie.jpg", replacement);

        scenario.invoke(event);

        var item = scenario.onlyAuditItem();
        assertEquals(Sha256.hex(original), item.get("sha256"));
        assertEquals("AUTHORIZED", item.get("decision"));
    }

    @Test
    @DisplayName("case 9: keys with spaces, +, %, unicode and 1,024 bytes are decoded exactly")
    void awkwardKeysRoundTrip() {
        List<String> keys = List.of("uploads/with space.jpg", "uploads/a+b=c.jpg", "uploads/100% sure.jpg",
                "uploads/Zoë ✓ 日本.jpg", "uploads/" + "k".repeat(1024 - "uploads/".length() - 4) + ".jpg");
        assertEquals(1024, keys.get(4).getBytes(StandardCharsets.UTF_8).length);
        List<com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord> records = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            records.add(scenario.upload(keys.get(i), clearFace(1800 + i)));
        }

        scenario.invoke(S3Events.event(records));

        Set<String> stored = new HashSet<>();
        scenario.auditItems().forEach(i -> stored.add(i.get("objectKey").s()));
        assertEquals(new HashSet<>(keys), stored);
        assertTrue(records.get(1).getS3().getObject().getKey().contains("a%2Bb%3Dc"), "the event carries S3's encoding");
    }

    @Test
    @DisplayName("case 10: zero bytes, text as .jpg, truncated JPEG and PNG, PNG bomb header, 16 MB: each REJECTED with its reason")
    void hostileFilesAreRejectedWithoutHarm() {
        // No answer is scripted for the cut images: the endpoint decodes them, as the service does, and refuses them.
        byte[] truncatedJpeg = firstHalf(TestImages.jpeg(1901));
        byte[] truncatedPng = firstHalf(TestImages.png(1902));
        byte[] bomb = java.nio.ByteBuffer.allocate(45).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})
                .putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(100_000).putInt(100_000)
                .put(new byte[] {8, 2, 0, 0, 0}).array();
        byte[] huge = new byte[16 * 1024 * 1024];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        int detectCallsBefore = scenario.stack().rekognition().callCount("DetectFaces");

        var report = scenario.invoke(S3Events.event(
                scenario.upload("uploads/h/1-empty.jpg", new byte[0]),
                scenario.upload("uploads/h/2-text.jpg", "<html>not a photo</html>".getBytes(StandardCharsets.UTF_8)),
                scenario.upload("uploads/h/3-truncated.jpg", truncatedJpeg),
                scenario.upload("uploads/h/4-truncated.png", truncatedPng),
                scenario.upload("uploads/h/5-bomb.png", bomb),
                scenario.upload("uploads/h/6-huge.jpg", huge)));

        assertEquals(Collections.nCopies(6, Outcome.AUDITED), outcomes(report));
        assertEquals(List.of("uploads/h/1-empty.jpg REJECTED EMPTY_OBJECT", "uploads/h/2-text.jpg REJECTED UNSUPPORTED_FORMAT",
                "uploads/h/3-truncated.jpg REJECTED INVALID_IMAGE_FORMAT", "uploads/h/4-truncated.png REJECTED INVALID_IMAGE_FORMAT",
                "uploads/h/5-bomb.png REJECTED DIMENSIONS_TOO_LARGE", "uploads/h/6-huge.jpg REJECTED TOO_LARGE"),
                keysDecisionsAndReasons());
        assertEquals(detectCallsBefore + 2, scenario.stack().rekognition().callCount("DetectFaces"),
                "only the truncated JPEG and PNG reach Rekognition");
    }

    private static byte[] firstHalf(byte[] image) {
        return Arrays.copyOf(image, image.length / 2);
    }

    @Test
    @DisplayName("case 11: no face, three faces, a face exactly at every threshold: exact decisions and reasons")
    void exactDecisions() {
        byte[] empty = TestImages.jpeg(2001);
        byte[] three = TestImages.jpeg(2002);
        byte[] edge = TestImages.jpeg(2003);
        scenario.faces().respond(empty, "no-face.json");
        scenario.faces().respond(three, "three-faces.json");
        scenario.faces().respond(edge, "face-at-every-threshold.json");

        scenario.invoke(S3Events.event(scenario.upload("uploads/x/1-empty.jpg", empty),
                scenario.upload("uploads/x/2-three.jpg", three), scenario.upload("uploads/x/3-edge.jpg", edge)));

        assertEquals(List.of("uploads/x/1-empty.jpg UNAUTHORIZED NO_FACE", "uploads/x/2-three.jpg UNAUTHORIZED MULTIPLE_FACES",
                "uploads/x/3-edge.jpg AUTHORIZED "), keysDecisionsAndReasons());
        var edgeItem = Scenario.asStrings(scenario.auditItems().get(2));
        assertEquals(List.of("90", "45", "-45", "45", "20", "20"), List.of(edgeItem.get("topConfidence"), edgeItem.get("faceYaw"),
                edgeItem.get("facePitch"), edgeItem.get("faceRoll"), edgeItem.get("faceBrightness"), edgeItem.get("faceSharpness")));
    }

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

    /** A seam of our own: the audit log of a container that dies once, after DetectFaces, before writing. */
    private static UnaryOperator<AuditLog> crashOnceBeforeWriting() {
        var crashed = new AtomicBoolean();
        return real -> new AuditLog() {
            @Override
            public boolean recordOnce(com.biometriclogger.decision.AuditItem item) {
                if (crashed.compareAndSet(false, true)) {
                    throw new IllegalStateException("container stopped after DetectFaces, before the write");
                }
                throw new AssertionError("the crashing container is used once");
            }

            @Override
            public boolean contains(String attemptId) {
                return real.contains(attemptId);
            }
        };
    }

    private DecisionHandler handlerWithAuditLog(UnaryOperator<AuditLog> auditLog) {
        return DecisionHandler.fromEnvironment(scenario.environment(), Wiring.Seams.NONE.withAuditLog(auditLog));
    }

    private List<String> keysAndDecisions() {
        return scenario.auditItems().stream().map(i -> i.get("objectKey").s() + " " + i.get("decision").s()).toList();
    }

    private List<String> keysDecisionsAndReasons() {
        return scenario.auditItems().stream()
                .map(i -> i.get("objectKey").s() + " " + i.get("decision").s() + " " + i.get("reasons").s()).toList();
    }

    private static List<Outcome> outcomes(DecisionReport report) {
        return report.results().stream().map(DecisionReport.RecordResult::outcome).toList();
    }
}
