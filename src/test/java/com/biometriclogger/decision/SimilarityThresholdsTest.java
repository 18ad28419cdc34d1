package com.biometriclogger.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimilarityThresholdsTest {

    private static final SimilarityThresholds MATCH_ONLY = SimilarityThresholds.matchOnly(95f);
    private static final SimilarityThresholds WITH_BAND = new SimilarityThresholds(95f, 90f);

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"95.0, AUTHORIZED", "95.001, AUTHORIZED", "100, AUTHORIZED", "94.999, UNAUTHORIZED", "0, UNAUTHORIZED"})
    void withoutABandOneFaceAtOrAboveTheThresholdMatches(float similarity, Decision expected) {
        assertEquals(expected, MATCH_ONLY.judge(List.of(similarity)).decision());
        assertFalse(MATCH_ONLY.reviewBandOn());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"95.0, AUTHORIZED", "94.999, REVIEW_REQUIRED", "90.0, REVIEW_REQUIRED", "89.999, UNAUTHORIZED"})
    void aSimilarityInTheBandNeedsAReview(float similarity, Decision expected) {
        assertEquals(expected, WITH_BAND.judge(List.of(similarity)).decision());
        assertTrue(WITH_BAND.reviewBandOn());
    }

    @Test
    void aNearMatchIsRecordedWithItsReason() {
        assertEquals(new Verdict(Decision.REVIEW_REQUIRED, List.of(ReasonCode.NEAR_MATCH)), WITH_BAND.judge(List.of(93f, 12f)));
    }

    @Test
    void noFaceOrTwoCandidatesAreNoMatch() {
        var noMatch = new Verdict(Decision.UNAUTHORIZED, List.of(ReasonCode.NO_MATCH));
        assertEquals(noMatch, WITH_BAND.judge(List.of()));
        assertEquals(noMatch, WITH_BAND.judge(List.of(99f, 97f)));
        assertEquals(noMatch, WITH_BAND.judge(List.of(93f, 92f)));
        assertEquals(new Verdict(Decision.AUTHORIZED, List.of()), WITH_BAND.judge(List.of(99f, 93f)));
    }

    @Test
    void aBandAboveTheThresholdIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SimilarityThresholds(90f, 95f));
    }
}
