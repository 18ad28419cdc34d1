package com.biometriclogger.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.biometriclogger.local.facebackend.RekognitionError;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.Scenario;
import com.biometriclogger.util.Sha256;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** Enrolment and 1:1 matching: exact decisions, similarities and which two images were compared. */
class IdentityMatchingIT extends MatchModeScenario {

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

    private static String decisionAndSimilarity(Map<String, String> item) {
        return item.get("decision") + " " + item.get("similarity");
    }
}
