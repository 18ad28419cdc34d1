package com.biometriclogger.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.biometriclogger.evidence.EvidenceSigner;
import com.biometriclogger.evidence.EvidenceSigning;
import com.biometriclogger.local.facebackend.RekognitionError;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.LocalKeyFileSigner;
import com.biometriclogger.local.stack.LocalKms;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.LogCapture;
import com.biometriclogger.testing.Scenario;
import com.biometriclogger.util.Sha256;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * 1:1 verification against enrolled references, with the real handler in VERIFY mode against the
 * local stand-ins; CompareFaces answers are recorded (no face-embedding model can run offline here).
 */
@ExtendWith(LocalStackExtension.class)
class IdentityMatchingIT {

    private Scenario scenario;
    private DecisionHandler handler;

    @BeforeEach
    void verifyMode(Scenario scenario) {
        this.scenario = scenario;
        handler = scenario.handler(Map.of("VERIFICATION_MODE", "MATCH", "MIN_SIMILARITY", "95"));
    }

    private S3EventNotificationRecord enrol(String subject, byte[] reference) {
        var record = scenario.upload("references/" + subject + ".jpg", reference);
        Scenario.invoke(handler, S3Events.event(record));
        return record;
    }

    private Map<String, String> verify(String key, byte[] image) {
        var record = scenario.upload(key, image);
        Scenario.invoke(handler, S3Events.event(record));
        return item(key);
    }

    private Map<String, String> item(String key) {
        return scenario.auditItems().stream().filter(i -> i.get("objectKey").s().equals(key)).map(Scenario::asStrings)
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no item for " + key));
    }

    private byte[] clearFace(long seed) {
        byte[] image = TestImages.jpeg(seed);
        scenario.faces().respond(image, "one-clear-face.json");
        return image;
    }

    @Test
    void aClearReferenceIsEnrolledWithItsVersionAndHash() {
        byte[] reference = clearFace(3001);

        var record = enrol("alice", reference);

        var item = item("references/alice.jpg");
        assertEquals("ENROLLED", item.get("decision"));
        assertEquals("", item.get("reasons"));
        assertEquals("alice", item.get("subjectId"));
        assertEquals(record.getS3().getObject().getVersionId(), item.get("versionId"));
        assertEquals(Sha256.hex(reference), item.get("sha256"));
    }

    @Test
    void aMatchingUploadIsAuthorizedAndRecordsWhichTwoImagesWereCompared() {
        byte[] reference = clearFace(3101);
        var enrolled = enrol("alice", reference);
        byte[] selfie = clearFace(3102);
        scenario.faces().respondToComparison(selfie, "compare-match.json");

        var item = verify("uploads/alice/door.jpg", selfie);

        assertEquals("AUTHORIZED", item.get("decision"));
        assertEquals("", item.get("reasons"));
        assertEquals("alice", item.get("subjectId"));
        assertEquals("references/alice.jpg", item.get("referenceKey"));
        assertEquals(enrolled.getS3().getObject().getVersionId(), item.get("referenceVersionId"));
        assertEquals(Sha256.hex(reference), item.get("referenceSha256"));
        assertEquals("99.13", item.get("similarity"));
        assertEquals("95", item.get("similarityThreshold"));
        assertEquals(Sha256.hex(selfie), item.get("sha256"));
    }

    @Test
    void inAnUnversionedBucketTheEnrolmentIsFoundByTheReferencesETag() {
        String bucket = "unversioned-uploads";
        scenario.stack().s3().createBucket(b -> b.bucket(bucket));
        var unversioned = scenario.handler(Map.of("VERIFICATION_MODE", "MATCH", "UPLOAD_BUCKET", bucket));
        byte[] reference = clearFace(3151);
        byte[] selfie = clearFace(3152);
        scenario.faces().respondToComparison(selfie, "compare-match.json");

        for (var upload : List.of(Map.entry("references/alice.jpg", reference), Map.entry("uploads/alice/door.jpg", selfie))) {
            var put = scenario.stack().s3().putObject(b -> b.bucket(bucket).key(upload.getKey()),
                    RequestBody.fromBytes(upload.getValue()));
            assertEquals(null, put.versionId(), "the bucket must not version, or this test proves nothing");
            Scenario.invoke(unversioned, S3Events.event(S3Events.objectCreated(LocalStack.REGION, bucket, upload.getKey(),
                    upload.getValue().length, put, 1)));
        }

        assertEquals("ENROLLED", item("references/alice.jpg").get("decision"));
        var item = item("uploads/alice/door.jpg");
        assertEquals("AUTHORIZED", item.get("decision"), item.toString());
        assertEquals("", item.get("referenceVersionId"));
        assertEquals(Sha256.hex(reference), item.get("referenceSha256"));
    }

    @Test
    void someoneElseIsUnauthorizedWithNoMatchAndTheBestSimilarity() {
        enrol("alice", clearFace(3201));
        byte[] stranger = clearFace(3202);
        scenario.faces().respondToComparison(stranger, "compare-no-match.json");

        var item = verify("uploads/alice/door.jpg", stranger);

        assertEquals("UNAUTHORIZED", item.get("decision"));
        assertEquals("NO_MATCH", item.get("reasons"));
        assertEquals("12.3", item.get("similarity"));
    }

    @Test
    void similarityExactlyAtTheThresholdPassesAndJustBelowDoesNot() {
        enrol("alice", clearFace(3301));
        byte[] at = clearFace(3302);
        byte[] below = clearFace(3303);
        scenario.faces().respondToComparison(at, "compare-at-threshold.json");
        scenario.faces().respondToComparison(below, "compare-just-below-threshold.json");

        assertEquals("AUTHORIZED 95", decisionAndSimilarity(verify("uploads/alice/at.jpg", at)));
        assertEquals("UNAUTHORIZED 94.99", decisionAndSimilarity(verify("uploads/alice/below.jpg", below)));
    }

    @Test
    void aSubjectWithoutAReferenceIsNotEnrolledAndNothingIsCompared() {
        int comparisons = scenario.stack().rekognition().callCount("CompareFaces");

        var item = verify("uploads/carol/door.jpg", clearFace(3401));

        assertEquals("UNAUTHORIZED", item.get("decision"));
        assertEquals("NOT_ENROLLED", item.get("reasons"));
        assertEquals("carol", item.get("subjectId"));
        assertEquals("", item.get("referenceKey"));
        assertEquals(comparisons, scenario.stack().rekognition().callCount("CompareFaces"));
    }

    @Test
    void aReferenceWithoutAFaceIsRejectedAndNeverUsed() {
        byte[] wall = TestImages.jpeg(3501);
        scenario.faces().respond(wall, "no-face.json");
        enrol("bob", wall);

        assertEquals("REJECTED", item("references/bob.jpg").get("decision"));
        assertEquals("NO_FACE", item("references/bob.jpg").get("reasons"));
        var upload = verify("uploads/bob/door.jpg", clearFace(3502));
        assertEquals("UNAUTHORIZED NOT_ENROLLED", upload.get("decision") + " " + upload.get("reasons"));
    }

    @Test
    void aReplacedReferenceCountsOnlyOnceItsNewVersionIsEnrolled() {
        enrol("alice", clearFace(3601));
        byte[] newPhoto = clearFace(3602);
        var replacement = scenario.upload("references/alice.jpg", newPhoto);
        byte[] first = clearFace(3603);
        scenario.faces().respondToComparison(first, "compare-match.json");

        var beforeEnrolment = verify("uploads/alice/1.jpg", first);
        Scenario.invoke(handler, S3Events.event(replacement));
        byte[] second = clearFace(3604);
        scenario.faces().respondToComparison(second, "compare-match.json");
        var afterEnrolment = verify("uploads/alice/2.jpg", second);

        assertEquals("UNAUTHORIZED NOT_ENROLLED", beforeEnrolment.get("decision") + " " + beforeEnrolment.get("reasons"));
        assertEquals("AUTHORIZED", afterEnrolment.get("decision"));
        assertEquals(replacement.getS3().getObject().getVersionId(), afterEnrolment.get("referenceVersionId"));
        assertEquals(Sha256.hex(newPhoto), afterEnrolment.get("referenceSha256"));
    }

    @Test
    void aReferenceRekognitionCannotCompareIsRejectedAsUnusable() {
        enrol("alice", clearFace(3701));
        byte[] selfie = clearFace(3702);
        scenario.faces().failComparison(selfie, new RekognitionError(400, "InvalidParameterException",
                "There are no faces in the image. Should be at least 1."));

        var item = verify("uploads/alice/door.jpg", selfie);

        assertEquals("REJECTED REFERENCE_UNUSABLE", item.get("decision") + " " + item.get("reasons"));
        assertEquals("references/alice.jpg", item.get("referenceKey"));
    }

    @Test
    void twoFacesInTheUploadFailTheQualityGateBeforeAnyComparison() {
        enrol("alice", clearFace(3801));
        byte[] group = TestImages.jpeg(3802);
        scenario.faces().respond(group, "two-faces.json");
        int comparisons = scenario.stack().rekognition().callCount("CompareFaces");

        var item = verify("uploads/alice/group.jpg", group);

        assertEquals("UNAUTHORIZED MULTIPLE_FACES", item.get("decision") + " " + item.get("reasons"));
        assertEquals("alice", item.get("subjectId"));
        assertEquals("", item.get("similarity"));
        assertEquals(comparisons, scenario.stack().rekognition().callCount("CompareFaces"));
    }

    @Test
    void anUploadOutsideASubjectFolderHasNoSubject() {
        var item = verify("uploads/loose.jpg", clearFace(3901));

        assertEquals("UNAUTHORIZED NO_SUBJECT", item.get("decision") + " " + item.get("reasons"));
    }

    /*
     * Enrolment trusts only signed evidence. Each attack below is played by someone who may write the
     * audit table (PutItem/UpdateItem through the real client) but not kms:Sign, against a reference
     * whose next upload Rekognition would match: without the registry's check, it is AUTHORIZED.
     */

    @Test
    void aTableWriterWhoFlipsARejectedReferenceToEnrolledEnrolsNobody() {
        var wall = rejectedReference("bob", 4001);
        scenario.stack().dynamoDb().updateItem(b -> b.tableName(scenario.table()).key(key(wall.get("attemptId")))
                .updateExpression("SET decision = :enrolled, reasons = :none")
                .expressionAttributeValues(Map.of(":enrolled", AttributeValue.fromS("ENROLLED"), ":none", AttributeValue.fromS(""))));
        byte[] stranger = matchingUpload(4002);

        var item = new AtomicReference<Map<String, String>>();
        String logs = LogCapture.productionLogsOf(() -> item.set(verifyWithoutComparing("uploads/bob/door.jpg", stranger)));

        assertReferenceUnusable(item.get());
        var warning = logs.lines().filter(line -> line.contains("\"level\":\"WARN\"")).toList();
        assertEquals(1, warning.size(), logs);
        assertTrue(warning.get(0).contains("\"referenceKey\":\"references/bob.jpg\""), warning.get(0));
        assertTrue(warning.get(0).contains("\"referenceVersionId\":\"" + wall.get("versionId") + "\""), warning.get(0));
        assertTrue(warning.get(0).contains("SIGNATURE_INVALID"), warning.get(0));
    }

    @Test
    void anUnsignedEnrolmentPutByATableWriterEnrolsNobody() {
        var forged = new HashMap<>(rejectedReference("bob", 4101));
        forged.put("decision", "ENROLLED");
        forged.put("reasons", "");
        forged.remove("signature");
        forged.remove("signingKeyId");
        put(forged);

        assertReferenceUnusable(verifyWithoutComparing("uploads/bob/door.jpg", matchingUpload(4102)));
    }

    @ParameterizedTest(name = "claiming the trusted key id: {0}")
    @ValueSource(booleans = {false, true})
    void anEnrolmentSignedByAnotherKeyEnrolsNobody(boolean claimsTheTrustedKeyId, @TempDir Path dir) {
        var otherKey = LocalKeyFileSigner.createIfMissing(dir.resolve("other.pem"));
        EvidenceSigner forger = !claimsTheTrustedKeyId ? otherKey : new EvidenceSigner() {
            @Override
            public String keyId() {
                return LocalKms.KEY_ARN;
            }

            @Override
            public byte[] sign(byte[] message) {
                return otherKey.sign(message);
            }
        };
        var enrolled = new HashMap<>(rejectedReference("bob", 4201));
        enrolled.put("decision", "ENROLLED");
        enrolled.put("reasons", "");
        put(new EvidenceSigning(forger).sign(enrolled));

        assertReferenceUnusable(verifyWithoutComparing("uploads/bob/door.jpg", matchingUpload(4202)));
    }

    /** The Enhanced Client's String map would not see either: a retyped attribute reads as null, an added one not at all. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"faceCount", "reviewedAt"})
    void aGenuineEnrolmentWithANumberAttributeIsNoLongerTrusted(String attribute) {
        enrol("alice", clearFace(4301));
        String enrolment = item("references/alice.jpg").get("attemptId");
        scenario.stack().dynamoDb().updateItem(b -> b.tableName(scenario.table()).key(key(enrolment))
                .updateExpression("SET #a = :n").expressionAttributeNames(Map.of("#a", attribute))
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1"))));

        var item = verifyWithoutComparing("uploads/alice/door.jpg", matchingUpload(4302));

        assertEquals("REJECTED REFERENCE_UNUSABLE", item.get("decision") + " " + item.get("reasons"));
        assertEquals("alice", item.get("subjectId"));
    }

    /** A reference that failed enrolment (no face): its item, signed by the function, REJECTED NO_FACE. */
    private Map<String, String> rejectedReference(String subject, long seed) {
        byte[] wall = TestImages.jpeg(seed);
        scenario.faces().respond(wall, "no-face.json");
        enrol(subject, wall);
        var item = item("references/" + subject + ".jpg");
        assertEquals("REJECTED NO_FACE", item.get("decision") + " " + item.get("reasons"));
        return item;
    }

    private byte[] matchingUpload(long seed) {
        byte[] upload = clearFace(seed);
        scenario.faces().respondToComparison(upload, "compare-match.json");
        return upload;
    }

    private Map<String, String> verifyWithoutComparing(String key, byte[] image) {
        int comparisons = scenario.stack().rekognition().callCount("CompareFaces");
        var item = verify(key, image);
        assertEquals(comparisons, scenario.stack().rekognition().callCount("CompareFaces"), "an untrusted reference was compared");
        return item;
    }

    private static void assertReferenceUnusable(Map<String, String> item) {
        assertEquals("REJECTED REFERENCE_UNUSABLE", item.get("decision") + " " + item.get("reasons"));
        assertEquals("bob", item.get("subjectId"));
        assertEquals("", item.get("referenceKey"));
    }

    private void put(Map<String, String> attributes) {
        var item = new HashMap<String, AttributeValue>();
        attributes.forEach((name, value) -> item.put(name, AttributeValue.fromS(value)));
        scenario.stack().dynamoDb().putItem(b -> b.tableName(scenario.table()).item(item));
    }

    private static Map<String, AttributeValue> key(String attemptId) {
        return Map.of("attemptId", AttributeValue.fromS(attemptId));
    }

    private static String decisionAndSimilarity(Map<String, String> item) {
        return item.get("decision") + " " + item.get("similarity");
    }
}
