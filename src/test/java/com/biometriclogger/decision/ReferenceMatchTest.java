package com.biometriclogger.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReferenceMatchTest {

    private static final ReferenceMatch WITH_BAND = new ReferenceMatch(new SimilarityThresholds(95f, 90f));
    private static final EnrolledReference OLD = reference("references/alice.jpg");
    private static final EnrolledReference GLASSES = reference("references/alice/glasses.jpg");
    private static final EnrolledReference BEARD = reference("references/alice/beard.jpg");

    private final List<EnrolledReference> compared = new ArrayList<>();

    private static EnrolledReference reference(String key) {
        return new EnrolledReference(new ObjectVersion("b", key, "v", "e"), "ab".repeat(32));
    }

    private ReferenceMatch.Comparison answering(Map<EnrolledReference, List<Float>> similarities) {
        return reference -> {
            compared.add(reference);
            return similarities.get(reference);
        };
    }

    @Test
    void theFirstMatchDecidesAndNoFurtherReferenceIsCompared() {
        var outcome = WITH_BAND.decide(List.of(OLD, GLASSES, BEARD),
                answering(Map.of(OLD, List.of(40f), GLASSES, List.of(97.5f), BEARD, List.of(99f))));

        assertEquals(new ReferenceMatch.Outcome(new Verdict(Decision.AUTHORIZED, List.of()), GLASSES, Optional.of(97.5f)), outcome);
        assertEquals(List.of(OLD, GLASSES), compared, "one CompareFaces per reference tried, none after the match");
    }

    @Test
    void withoutAMatchTheNearestReferenceDecidesAndEveryOneIsTried() {
        var outcome = WITH_BAND.decide(List.of(OLD, GLASSES, BEARD),
                answering(Map.of(OLD, List.of(40f), GLASSES, List.of(71f), BEARD, List.of(55f))));

        assertEquals(new ReferenceMatch.Outcome(new Verdict(Decision.UNAUTHORIZED, List.of(ReasonCode.NO_MATCH)), GLASSES,
                Optional.of(71f)), outcome);
        assertEquals(List.of(OLD, GLASSES, BEARD), compared);
    }

    @Test
    void aReviewBeatsAHigherSimilarityThatIsNoMatch() {
        // Two faces both over the threshold are no match (which one is the subject?); one in the band still needs a person.
        var outcome = WITH_BAND.decide(List.of(OLD, GLASSES),
                answering(Map.of(OLD, List.of(99f, 98f), GLASSES, List.of(92f))));

        assertEquals(new ReferenceMatch.Outcome(new Verdict(Decision.REVIEW_REQUIRED, List.of(ReasonCode.NEAR_MATCH)), GLASSES,
                Optional.of(92f)), outcome);
    }

    @Test
    void betweenTwoReviewsTheHigherSimilarityDecidesAndOnATieTheEarlierReference() {
        assertEquals(BEARD, WITH_BAND.decide(List.of(OLD, BEARD), answering(Map.of(OLD, List.of(91f), BEARD, List.of(93f)))).reference());
        assertEquals(OLD, WITH_BAND.decide(List.of(OLD, BEARD), answering(Map.of(OLD, List.of(93f), BEARD, List.of(93f)))).reference());
    }

    @Test
    void anUploadShowingNoFaceToAnyReferenceRecordsNoSimilarity() {
        var outcome = WITH_BAND.decide(List.of(OLD, GLASSES), answering(Map.of(OLD, List.of(), GLASSES, List.of())));

        assertEquals(new ReferenceMatch.Outcome(new Verdict(Decision.UNAUTHORIZED, List.of(ReasonCode.NO_MATCH)), OLD,
                Optional.empty()), outcome);
    }

    @Test
    void anUnusableReferenceStopsTheSearchRejectedAndNamed() {
        var outcome = WITH_BAND.decide(List.of(OLD, GLASSES, BEARD), reference -> {
            compared.add(reference);
            if (reference.equals(GLASSES)) {
                throw new UnjudgeableImageException(ReasonCode.REFERENCE_GONE, "deleted since the lookup", null);
            }
            return List.of(40f);
        });

        assertEquals(new ReferenceMatch.Outcome(Verdict.rejected(ReasonCode.REFERENCE_GONE), GLASSES, Optional.empty()), outcome);
        assertEquals(List.of(OLD, GLASSES), compared);
    }

    @Test
    void thereIsAlwaysAReferenceToCompareWith() {
        assertThrows(IllegalArgumentException.class, () -> WITH_BAND.decide(List.of(), reference -> List.of()));
    }
}
