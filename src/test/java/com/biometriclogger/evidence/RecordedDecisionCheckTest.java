package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.biometriclogger.decision.PolicyThresholds;
import com.biometriclogger.evidence.RecordedDecisionCheck.Outcome;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordedDecisionCheckTest {

    private final RecordedDecisionCheck check = new RecordedDecisionCheck();

    @Test
    void anAuthorizedFaceAtEveryThresholdFollows() {
        assertEquals(Optional.of(Outcome.FOLLOWS), check.rederive(goodFace()));
    }

    @Test
    void authorizedWithFiguresUnderTheConfidenceThresholdDoesNotFollow() {
        var item = goodFace();
        item.put("topConfidence", "89.99");

        assertEquals(Optional.of(Outcome.contradicted("recorded AUTHORIZED, but the recorded figures fail [LOW_CONFIDENCE]")),
                check.rederive(item));
    }

    @Test
    void unauthorizedMustListExactlyTheReasonsTheFiguresGive() {
        var item = goodFace();
        item.put("faceCount", "3");
        item.put("decision", "UNAUTHORIZED");
        item.put("reasons", "MULTIPLE_FACES");
        assertEquals(Optional.of(Outcome.FOLLOWS), check.rederive(item));

        item.put("reasons", "NO_FACE");
        assertEquals(Optional.of(Outcome.contradicted("recorded UNAUTHORIZED [NO_FACE], the recorded figures give [MULTIPLE_FACES]")),
                check.rederive(item));
    }

    @Test
    void aComparedUploadIsAuthorizedOnlyAtOrAboveItsSimilarityThreshold() {
        var item = goodFace();
        item.put("referenceKey", "references/alice.jpg");
        item.put("similarity", "95");
        item.put("similarityThreshold", "95");
        assertEquals(Optional.of(Outcome.FOLLOWS), check.rederive(item));

        item.put("similarity", "94.9");
        assertEquals(Optional.of(Outcome.contradicted("recorded AUTHORIZED, but similarity 94.9 is under the threshold 95")),
                check.rederive(item));

        item.put("decision", "UNAUTHORIZED");
        item.put("reasons", "NO_MATCH");
        assertEquals(Optional.of(Outcome.FOLLOWS), check.rederive(item));
    }

    @Test
    void reviewRequiredFollowsOnlyFromASimilarityInTheRecordedBand() {
        var item = goodFace();
        item.put("referenceKey", "references/alice.jpg");
        item.put("decision", "REVIEW_REQUIRED");
        item.put("reasons", "NEAR_MATCH");
        item.put("similarity", "94.99");
        item.put("similarityThreshold", "95");
        item.put("reviewThreshold", "90");
        assertEquals(Optional.of(Outcome.FOLLOWS), check.rederive(item));

        item.put("similarity", "95");
        assertEquals(Optional.of(Outcome.contradicted("recorded REVIEW_REQUIRED, but similarity 95 is outside the review band 90 to 95")),
                check.rederive(item));

        item.put("similarity", "89.9");
        assertEquals(Optional.of(Outcome.contradicted("recorded REVIEW_REQUIRED, but similarity 89.9 is outside the review band 90 to 95")),
                check.rederive(item));

        item.remove("reviewThreshold");
        assertEquals(Optional.of(Outcome.contradicted("recorded REVIEW_REQUIRED without a similarity, a review band and a threshold")),
                check.rederive(item));
    }

    @Test
    void rejectedInputRecordsNoFiguresToRederive() {
        var item = goodFace();
        item.put("faceCount", "");
        item.put("decision", "REJECTED");
        item.put("reasons", "UNSUPPORTED_FORMAT");

        assertEquals(Optional.empty(), check.rederive(item));
    }

    /** A signed item counting 2147483647 faces once made re-derivation build that many stand-ins and exhaust the heap. */
    @Test
    void aFaceCountBeyondWhatDetectFacesReturnsIsNamedWithoutSizingAnything() {
        var item = goodFace();
        item.put("faceCount", "2147483647");

        assertEquals(Optional.of(Outcome.contradicted("figures cannot be read: faceCount 2147483647 is above 100")),
                check.rederive(item));
    }

    @Test
    void faceBoxesThatDoNotCountTheFacesContradictTheItem() {
        var item = goodFace();
        item.put("faceBoxes", "0.38,0.23,0.31,0.44");
        assertEquals(Optional.of(Outcome.FOLLOWS), check.rederive(item));

        item.put("faceBoxes", "0.38,0.23,0.31,0.44;0.7,0.2,0.1,0.15");
        assertEquals(Optional.of(Outcome.contradicted("records 2 face boxes for a face count of 1")), check.rederive(item));

        item.put("faceBoxes", "0.38,0.23,NaN,0.44");
        assertEquals(Optional.of(Outcome.contradicted("figures cannot be read: a face box figure is a finite plain number, "
                + "got 'NaN'")), check.rederive(item));
    }

    private static Map<String, String> goodFace() {
        Map<String, String> item = new HashMap<>();
        item.put("decision", "AUTHORIZED");
        item.put("reasons", "");
        item.put("policy", PolicyThresholds.defaults().canonical());
        item.put("faceCount", "1");
        item.put("topConfidence", "90");
        item.put("faceYaw", "-45");
        item.put("facePitch", "45");
        item.put("faceRoll", "0");
        item.put("faceBrightness", "20");
        item.put("faceSharpness", "20");
        item.put("faceEyesOpen", "true");
        item.put("faceSunglasses", "false");
        item.put("referenceKey", "");
        return item;
    }
}
