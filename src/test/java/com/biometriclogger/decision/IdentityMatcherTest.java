package com.biometriclogger.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentityMatcherTest {

    private final IdentityMatcher identity = new IdentityMatcher("uploads/", "references/", SimilarityThresholds.matchOnly(95f),
            (bucket, subject) -> Optional.empty(), (reference, upload, content) -> List.of());

    private static UploadedImage image(String key) {
        return new UploadedImage("ObjectCreated:Put", new ObjectVersion("b", key, "v", "e"), 1, "s");
    }

    @Test
    void subjectsComeFromTheReferenceNameAndTheUploadsFirstFolder() {
        assertEquals(Optional.of("alice"), identity.subjectOf(image("references/alice.jpg")));
        assertEquals(Optional.of("bob.smith"), identity.subjectOf(image("references/bob.smith.png")));
        assertEquals(Optional.of("alice"), identity.subjectOf(image("uploads/alice/2026/door.jpg")));
        assertEquals(Optional.empty(), identity.subjectOf(image("uploads/loose.jpg")));
        assertEquals(Optional.empty(), identity.subjectOf(image("references/nested/alice.jpg")));
    }

    @Test
    void aReferenceFailingTheQualityPolicyIsRejectedWithItsReasons() {
        var result = identity.enrol(image("references/alice.jpg"),
                new Verdict(Decision.UNAUTHORIZED, List.of(ReasonCode.EYES_CLOSED)));

        assertEquals(new Verdict(Decision.REJECTED, List.of(ReasonCode.EYES_CLOSED)), result.verdict());
        assertEquals("alice", result.facts().subjectId());
    }
}
