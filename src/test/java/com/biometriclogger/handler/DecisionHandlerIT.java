package com.biometriclogger.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.biometriclogger.decision.Decision;
import com.biometriclogger.decision.DecisionReport.Outcome;
import com.biometriclogger.decision.ReasonCode;
import com.biometriclogger.decision.RetryableDecisionException;
import com.biometriclogger.local.facebackend.RekognitionError;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.Scenario;
import com.biometriclogger.util.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real handler and SDK clients against DynamoDB Local, S3Proxy and the Rekognition-protocol endpoint. */
@ExtendWith(LocalStackExtension.class)
class DecisionHandlerIT {

    private Scenario scenario;

    @BeforeEach
    void newScenario(Scenario scenario) {
        this.scenario = scenario;
    }

    @Test
    void singleUploadWithOneClearFaceIsAuthorizedAndFullyAudited() {
        byte[] selfie = TestImages.jpeg(1);
        scenario.faces().respond(selfie, "one-clear-face.json");
        var event = scenario.eventFile("single-upload.json", selfie);
        var object = event.getRecords().get(0).getS3().getObject();

        var report = scenario.invoke(event);

        assertEquals(Outcome.AUDITED, report.results().get(0).outcome());
        Map<String, String> item = scenario.onlyAuditItem();
        assertEquals("AUTHORIZED", item.get("decision"));
        assertEquals("", item.get("reasons"));
        assertEquals(Sha256.hex(selfie), item.get("sha256"));
        assertEquals(scenario.bucket(), item.get("bucket"));
        assertEquals("uploads/alice/selfie.jpg", item.get("objectKey"));
        assertEquals(object.getVersionId(), item.get("versionId"));
        assertEquals(object.geteTag(), item.get("eTag"));
        assertEquals(Integer.toString(selfie.length), item.get("sizeBytes"));
        assertEquals("JPEG", item.get("imageFormat"));
        assertEquals("1", item.get("faceCount"));
        assertEquals("99.99", item.get("topConfidence"));
        assertEquals("2.1", item.get("faceYaw"));
        assertEquals("-4.3", item.get("facePitch"));
        assertEquals("true", item.get("faceEyesOpen"));
        assertEquals("false", item.get("faceSunglasses"));
        assertEquals("minConfidence=90;maxYaw=45;maxPitch=45;maxRoll=45;minBrightness=20;minSharpness=20;"
                + "requireEyesOpen=true;rejectSunglasses=true;requiredFaces=1", item.get("policy"));
        assertEquals("$LATEST", item.get("functionVersion"));
        assertTrue(item.get("decidedAt").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"), item.get("decidedAt"));
        assertEquals(java.time.Instant.parse(item.get("decidedAt")).toEpochMilli(),
                Long.parseLong(item.get("decidedAtEpochMillis")));
        assertEquals(64, item.get("attemptId").length());
    }

    @Test
    void duplicateEventWritesOneAuditItem() {
        byte[] selfie = TestImages.jpeg(2);
        scenario.faces().respond(selfie, "one-clear-face.json");
        var event = scenario.eventFile("duplicate-delivery.json", selfie, selfie);

        var first = scenario.invoke(event);
        var redelivered = scenario.invoke(event);

        assertEquals(List.of(Outcome.AUDITED, Outcome.DUPLICATE), outcomes(first));
        assertEquals(List.of(Outcome.DUPLICATE, Outcome.DUPLICATE), outcomes(redelivered));
        assertEquals("AUTHORIZED", scenario.onlyAuditItem().get("decision"));
    }

    @Test
    void keyWithSpacesAndNonAsciiIsStoredAsTheDecodedS3Key() {
        byte[] selfie = TestImages.jpeg(3);
        var event = scenario.eventFile("key-with-spaces-and-unicode.json", selfie);

        scenario.invoke(event);

        assertEquals("uploads/café front door/Müller ✓ 50%.jpg", scenario.onlyAuditItem().get("objectKey"));
    }

    @Test
    void imageWithoutFaceIsUnauthorizedWithReasonNoFace() {
        byte[] empty = TestImages.png(4);
        scenario.faces().respond(empty, "no-face.json");

        scenario.invoke(S3Events.event(scenario.upload("uploads/alice/wall.png", empty)));

        var item = scenario.onlyAuditItem();
        assertEquals("UNAUTHORIZED", item.get("decision"));
        assertEquals("NO_FACE", item.get("reasons"));
        assertEquals("0", item.get("faceCount"));
        assertEquals("PNG", item.get("imageFormat"));
    }

    @Test
    void twoFacesWithEyesClosedListEveryFailingReason() {
        byte[] group = TestImages.jpeg(5);
        byte[] sleepy = TestImages.jpeg(6);
        scenario.faces().respond(group, "two-faces.json");
        scenario.faces().respond(sleepy, "eyes-closed-with-sunglasses.json");

        scenario.invoke(scenario.eventFile("two-records.json", group, sleepy));

        var items = scenario.auditItems();
        assertEquals(2, items.size());
        var groupItem = Scenario.asStrings(items.get(0));
        var sleepyItem = Scenario.asStrings(items.get(1));
        assertEquals("uploads/alice/selfie.jpg", groupItem.get("objectKey"));
        assertEquals("UNAUTHORIZED", groupItem.get("decision"));
        assertEquals("MULTIPLE_FACES", groupItem.get("reasons"));
        assertEquals("2", groupItem.get("faceCount"));
        assertEquals("UNAUTHORIZED", sleepyItem.get("decision"));
        assertEquals("EYES_CLOSED,SUNGLASSES", sleepyItem.get("reasons"));
    }

    @Test
    void nonImageIsRejectedWithoutCallingRekognition() {
        byte[] text = "meeting notes, not a photo".getBytes(StandardCharsets.UTF_8);
        int callsBefore = scenario.stack().rekognition().callCount("DetectFaces");

        scenario.invoke(scenario.eventFile("non-image.json", text));

        var item = scenario.onlyAuditItem();
        assertEquals("REJECTED", item.get("decision"));
        assertEquals("UNSUPPORTED_FORMAT", item.get("reasons"));
        assertEquals(Sha256.hex(text), item.get("sha256"));
        assertEquals(callsBefore, scenario.stack().rekognition().callCount("DetectFaces"));
    }

    @Test
    void emptyObjectIsRejectedAsEmpty() {
        scenario.invoke(S3Events.event(scenario.upload("uploads/alice/empty.jpg", new byte[0])));

        var item = scenario.onlyAuditItem();
        assertEquals("REJECTED", item.get("decision"));
        assertEquals("EMPTY_OBJECT", item.get("reasons"));
        assertEquals(Sha256.hex(new byte[0]), item.get("sha256"));
    }

    @Test
    void truncatedJpegIsRejectedWithRekognitionsInvalidImageFormat() {
        byte[] whole = TestImages.jpeg(7);
        byte[] truncated = Arrays.copyOf(whole, whole.length / 3);

        scenario.invoke(S3Events.event(scenario.upload("uploads/alice/cut.jpg", truncated)));

        var item = scenario.onlyAuditItem();
        assertEquals("REJECTED", item.get("decision"));
        assertEquals("INVALID_IMAGE_FORMAT", item.get("reasons"));
        assertEquals(Sha256.hex(truncated), item.get("sha256"));
    }

    @Test
    void imageBetweenFiveAndFifteenMegabytesIsJudgedThroughItsPinnedS3Version() {
        byte[] large = TestImages.noisePng(8, 1400);
        assertTrue(large.length > 5 * 1024 * 1024 && large.length < 15 * 1024 * 1024, "size " + large.length);
        scenario.faces().respond(large, "one-clear-face.json");
        var record = scenario.upload("uploads/alice/large.png", large);
        scenario.put("uploads/alice/large.png", TestImages.png(9));

        scenario.invoke(S3Events.event(record));

        var item = scenario.onlyAuditItem();
        assertEquals("AUTHORIZED", item.get("decision"));
        assertEquals(Sha256.hex(large), item.get("sha256"));
    }

    @Test
    void objectOverFifteenMegabytesIsRejectedAsTooLargeUnread() {
        byte[] huge = new byte[16 * 1024 * 1024];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        int callsBefore = scenario.stack().rekognition().callCount("DetectFaces");

        scenario.invoke(S3Events.event(scenario.upload("uploads/alice/huge.jpg", huge)));

        var item = scenario.onlyAuditItem();
        assertEquals("REJECTED", item.get("decision"));
        assertEquals("TOO_LARGE", item.get("reasons"));
        assertEquals(Integer.toString(huge.length), item.get("sizeBytes"));
        assertEquals("", item.get("sha256"));
        assertEquals(callsBefore, scenario.stack().rekognition().callCount("DetectFaces"));
    }

    @Test
    void deletedVersionIsRejectedAsGoneWithoutJudgingOtherBytes() {
        var record = scenario.upload("uploads/alice/gone.jpg", TestImages.jpeg(10));
        scenario.put("uploads/alice/gone.jpg", TestImages.jpeg(11));
        var versionId = record.getS3().getObject().getVersionId();
        scenario.stack().s3().deleteObject(b -> b.bucket(scenario.bucket()).key("uploads/alice/gone.jpg").versionId(versionId));

        scenario.invoke(S3Events.event(record));

        var item = scenario.onlyAuditItem();
        assertEquals("REJECTED", item.get("decision"));
        assertEquals("OBJECT_GONE", item.get("reasons"));
        assertEquals(versionId, item.get("versionId"));
        assertEquals("", item.get("sha256"));
    }

    @Test
    void persistentThrottlingFailsTheInvocationAfterAuditingTheOtherRecords() {
        byte[] nonImage = "not an image".getBytes(StandardCharsets.UTF_8);
        byte[] selfie = TestImages.jpeg(12);
        scenario.faces().respond(selfie, "one-clear-face.json");
        var rejected = scenario.upload("uploads/bob/notes.jpg", nonImage);
        var throttled = scenario.upload("uploads/alice/selfie.jpg", selfie);
        var event = S3Events.event(throttled, rejected);
        scenario.stack().rekognition().failNext(5, RekognitionError.throttling());

        var failure = assertThrows(RetryableDecisionException.class, () -> scenario.invoke(event));

        assertEquals(List.of(Outcome.FAILED, Outcome.AUDITED), outcomes(failure.report()));
        assertEquals("UNSUPPORTED_FORMAT", scenario.onlyAuditItem().get("reasons"));

        var retry = scenario.invoke(event);

        assertEquals(List.of(Outcome.AUDITED, Outcome.DUPLICATE), outcomes(retry));
        assertEquals(2, scenario.auditItems().size());
    }

    @Test
    void throttlingThatPassesIsRetriedWithinTheInvocation() {
        byte[] selfie = TestImages.jpeg(13);
        scenario.faces().respond(selfie, "one-clear-face.json");
        var record = scenario.upload("uploads/alice/selfie.jpg", selfie);
        scenario.stack().rekognition().failNext(3, RekognitionError.throttling());

        var report = scenario.invoke(S3Events.event(record));

        assertEquals(Decision.AUTHORIZED, report.results().get(0).decision());
        assertEquals("AUTHORIZED", scenario.onlyAuditItem().get("decision"));
    }

    @Test
    void keyOutsideTheUploadPrefixIsSkippedWithoutAnItem() {
        var report = scenario.invoke(scenario.eventFile("outside-prefix.json", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)));

        assertEquals(List.of(Outcome.SKIPPED), outcomes(report));
        assertEquals(0, scenario.auditItems().size());
    }

    @Test
    void s3TestEventIsIgnored() {
        var report = Scenario.invoke(scenario.handler(), Scenario.eventJson("s3-test-event.json"));

        assertEquals(0, report.results().size());
        assertEquals(0, scenario.auditItems().size());
    }

    @Test
    void everyEventFileLoadsAsTheRuntimeWouldDeserializeIt() {
        for (String file : List.of("single-upload.json", "key-with-spaces-and-unicode.json", "two-records.json",
                "duplicate-delivery.json", "non-image.json", "outside-prefix.json", "reference-enrolment.json",
                "another-bucket.json")) {
            var event = EventLoader.loadS3Event("events/" + file);
            assertTrue(event.getRecords().stream().allMatch(r -> r.getEventName().startsWith("ObjectCreated:")), file);
        }
    }

    @Test
    void reasonCodesStoredAreTheEnumNames() {
        byte[] selfie = TestImages.jpeg(14);
        scenario.faces().respond(selfie, "eyes-closed-with-sunglasses.json");

        scenario.invoke(S3Events.event(scenario.upload("uploads/carol/selfie.jpg", selfie)));

        for (String reason : scenario.onlyAuditItem().get("reasons").split(",", -1)) {
            assertEquals(reason, ReasonCode.valueOf(reason).name());
        }
    }

    private static List<Outcome> outcomes(com.biometriclogger.decision.DecisionReport report) {
        return report.results().stream().map(r -> r.outcome()).toList();
    }
}
