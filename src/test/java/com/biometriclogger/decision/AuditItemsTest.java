package com.biometriclogger.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AuditItemsTest {

    private static final UploadedImage UPLOAD = new UploadedImage("ObjectCreated:Put",
            new ObjectVersion("bucket", "uploads/a b.jpg", "v1", "etag"), 1234, "seq");
    private static final Invocation INVOCATION = new Invocation("req-1", "7");
    private static final Instant DECIDED = Instant.parse("2026-05-03T08:14:00.250Z");
    private static final String POLICY = PolicyThresholds.defaults().canonical();

    @Test
    void aJudgedImageRecordsItsFiguresAsPlainStrings() {
        var content = new ImageContent(Optional.of("ab".repeat(32)), 1234, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
                Optional.empty());
        var face = new DetectedFace(99.99846f, -12.5f, 0.000012f, 1e-7f, 78f, 100f, true, false);
        var verdict = new Verdict(Decision.UNAUTHORIZED, List.of(ReasonCode.LOW_SHARPNESS, ReasonCode.EYES_CLOSED));

        var item = AuditItems.of(UPLOAD, Optional.of(content), Optional.of(new FaceAnalysis(List.of(face))), verdict,
                PolicyThresholds.defaults(), IdentityFacts.NONE, INVOCATION, DECIDED);

        assertEquals(expected(Map.ofEntries(
                Map.entry("sha256", "ab".repeat(32)), Map.entry("imageFormat", "JPEG"),
                Map.entry("decision", "UNAUTHORIZED"), Map.entry("reasons", "LOW_SHARPNESS,EYES_CLOSED"),
                Map.entry("faceCount", "1"), Map.entry("topConfidence", "99.99846"), Map.entry("faceYaw", "-12.5"),
                Map.entry("facePitch", "0.000012"), Map.entry("faceRoll", "0.0000001"), Map.entry("faceBrightness", "78"),
                Map.entry("faceSharpness", "100"), Map.entry("faceEyesOpen", "true"), Map.entry("faceSunglasses", "false"),
                Map.entry("faceBoxes", "none"))),
                item.attributes());
    }

    @Test
    void aRejectionBeforeAnyReadRecordsEmptyFiguresNotNulls() {
        var item = AuditItems.of(UPLOAD, Optional.empty(), Optional.empty(), Verdict.rejected(ReasonCode.OBJECT_GONE),
                PolicyThresholds.defaults(), IdentityFacts.NONE, INVOCATION, DECIDED);

        assertEquals(expected(Map.of("decision", "REJECTED", "reasons", "OBJECT_GONE")), item.attributes());
    }

    @Test
    void anUploadNotComparedStillRecordsItsSubjectAndTheThreshold() {
        var item = AuditItems.of(UPLOAD, Optional.empty(), Optional.empty(), Verdict.rejected(ReasonCode.OBJECT_GONE),
                PolicyThresholds.defaults(), IdentityFacts.notCompared("alice", SimilarityThresholds.matchOnly(95f)), INVOCATION, DECIDED);

        assertEquals(expected(Map.of("decision", "REJECTED", "reasons", "OBJECT_GONE", "subjectId", "alice",
                "similarityThreshold", "95")), item.attributes());
    }

    @Test
    void aReviewBandThatIsOnIsRecordedWithTheThreshold() {
        var item = AuditItems.of(UPLOAD, Optional.empty(), Optional.empty(), Verdict.rejected(ReasonCode.OBJECT_GONE),
                PolicyThresholds.defaults(), IdentityFacts.notCompared("alice", new SimilarityThresholds(95f, 90f)), INVOCATION, DECIDED);

        var expected = new TreeMap<>(expected(Map.of("decision", "REJECTED", "reasons", "OBJECT_GONE", "subjectId", "alice",
                "similarityThreshold", "95")));
        expected.put("reviewThreshold", "90");
        assertEquals(expected, item.attributes());
    }

    @Test
    void everyFaceBoxIsRecordedTheJudgedFaceFirstAndAFaceWithoutABoxCounted() {
        var background = new DetectedFace(91f, 0f, 0f, 0f, 70f, 80f, true, false, new FaceBox(0.7f, 0.2f, 0.1f, 0.15f));
        var judged = new DetectedFace(99.5f, 0f, 0f, 0f, 70f, 80f, true, false, new FaceBox(0.38f, 0.23f, 0.31f, 0.44f));
        var unplaced = new DetectedFace(80f, 0f, 0f, 0f, 70f, 80f, true, false);

        var item = AuditItems.of(UPLOAD, Optional.empty(), Optional.of(new FaceAnalysis(List.of(background, judged, unplaced))),
                Verdict.rejected(ReasonCode.MULTIPLE_FACES), PolicyThresholds.defaults(), IdentityFacts.NONE, INVOCATION, DECIDED);

        assertEquals(Optional.of("0.38,0.23,0.31,0.44;0.7,0.2,0.1,0.15;none"), item.get(AuditAttribute.FACE_BOXES));
        assertEquals(List.of(Optional.of(judged.box()), Optional.of(background.box()), Optional.empty()),
                FaceBox.parseAll(item.get(AuditAttribute.FACE_BOXES).orElseThrow()), "read back as recorded");
    }

    /** Every attribute the builder writes (all Strings, empty when unknown), overridden where a test expects a value. */
    private static Map<String, String> expected(Map<String, String> overrides) {
        var item = new TreeMap<String, String>();
        for (var attribute : AuditAttribute.values()) {
            if (!ErasureRecord.ONLY_ON_ERASURES.contains(attribute) && !ReviewRecord.ONLY_ON_REVIEWS.contains(attribute)
                    && !Lockout.ONLY_WHILE_COUNTING.contains(attribute)) {
                item.put(attribute.stored(), "");
            }
        }
        // Stamped when the item is signed, not when it is built; the review band only while it is on.
        List.of(AuditAttribute.SEAL_PERIOD, AuditAttribute.SIGNING_KEY_ID, AuditAttribute.SIGNATURE, AuditAttribute.REVIEW_THRESHOLD)
                .forEach(attribute -> item.remove(attribute.stored()));
        item.putAll(Map.of("attemptId", UPLOAD.object().attemptId(), "bucket", "bucket", "objectKey", "uploads/a b.jpg",
                "versionId", "v1", "eTag", "etag", "sequencer", "seq", "sizeBytes", "1234", "policy", POLICY,
                "decidedAt", "2026-05-03T08:14:00.250Z", "decidedAtEpochMillis", "1777796040250"));
        item.putAll(Map.of("requestId", "req-1", "functionVersion", "7", "schemaVersion", AuditItem.SCHEMA_VERSION));
        item.putAll(overrides);
        return item;
    }
}
