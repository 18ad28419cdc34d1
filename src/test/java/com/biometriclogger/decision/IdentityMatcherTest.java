package com.biometriclogger.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentityMatcherTest {

    /** Whatever the subject, this many reference images in the bucket and none enrolled. */
    private int referenceImages = 1;

    private final IdentityMatcher identity = new IdentityMatcher("uploads/", "references/", SimilarityThresholds.matchOnly(95f),
            new ReferenceRegistry() {
                @Override
                public List<EnrolledReference> enrolledReferences(String bucket, String subjectId) {
                    return List.of();
                }

                @Override
                public int referenceCount(String bucket, String subjectId) {
                    return referenceImages;
                }
            }, (reference, upload, content) -> List.of());

    private static UploadedImage image(String key) {
        return new UploadedImage("ObjectCreated:Put", new ObjectVersion("b", key, "v", "e"), 1, "s");
    }

    @Test
    void subjectsComeFromTheReferenceNameAndTheUploadsFirstFolder() {
        assertEquals(Optional.of("alice"), identity.subjectOf(image("references/alice.jpg")));
        assertEquals(Optional.of("bob.smith"), identity.subjectOf(image("references/bob.smith.png")));
        assertEquals(Optional.of("alice"), identity.subjectOf(image("uploads/alice/2026/door.jpg")));
        assertEquals(Optional.empty(), identity.subjectOf(image("uploads/loose.jpg")));
        assertEquals(Optional.of("alice"), identity.subjectOf(image("references/alice/glasses.jpg")));
        assertEquals(Optional.empty(), identity.subjectOf(image("references/alice/2026/glasses.jpg")));
    }

    @Test
    void upToTheLimitAGoodReferenceIsEnrolledAndBeyondItRefused() {
        var good = new Verdict(Decision.AUTHORIZED, List.of());
        referenceImages = ReferenceLayout.MAX_PER_SUBJECT;
        assertEquals(new Verdict(Decision.ENROLLED, List.of()), identity.enrol(image("references/alice/beard.jpg"), good).verdict());

        referenceImages = ReferenceLayout.MAX_PER_SUBJECT + 1;
        var refused = identity.enrol(image("references/alice/hat.jpg"), good);

        assertEquals(Verdict.rejected(ReasonCode.TOO_MANY_REFERENCES), refused.verdict());
        assertEquals("alice", refused.facts().subjectId());
    }

    @Test
    void aReferenceFailingTheQualityPolicyIsRejectedWithItsReasons() {
        var result = identity.enrol(image("references/alice.jpg"),
                new Verdict(Decision.UNAUTHORIZED, List.of(ReasonCode.EYES_CLOSED)));

        assertEquals(new Verdict(Decision.REJECTED, List.of(ReasonCode.EYES_CLOSED)), result.verdict());
        assertEquals("alice", result.facts().subjectId());
    }
}
