package com.biometriclogger.local.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The shipped similarity constants are what the bundled pairs measure, and 95 separates those pairs. */
class SimilarityCalibrationIT {

    @Test
    void theShippedCurveIsTheOneTheMeasuredPairsFitAndTheDefaultThresholdSeparatesThem() {
        var measured = SimilarityCalibration.measure(FacePipeline.shared());

        assertEquals(234, measured.genuine().size());
        assertEquals(507, measured.impostor().size());
        assertEquals(SimilarityScale.CENTRE, measured.centre(), 0.01, "refit the centre: exec:java@calibrate");
        assertEquals(SimilarityScale.STEEPNESS, measured.steepness(), 0.5, "refit the steepness: exec:java@calibrate");
        assertEquals(0.0, measured.falseAcceptRate(95f));
        assertEquals(0.0, measured.falseRejectRate(95f));
    }

    @Test
    void theCurveIsCentredOnTheGapAndItsEdgesMapToOneAndNinetyNine() {
        double[] fit = SimilarityScale.fit(0.2, 0.6);

        assertEquals(0.4, fit[0], 1e-9);
        assertEquals(1f, SimilarityScale.similarity(0.2, fit[0], fit[1]), 1e-4f);
        assertEquals(99f, SimilarityScale.similarity(0.6, fit[0], fit[1]), 1e-4f);
        assertTrue(SimilarityScale.similarity(0.9) > 99.9f && SimilarityScale.similarity(0.0) < 0.1f);
    }

    @Test
    void overlappingDistributionsCannotBeFitted() {
        var error = assertThrows(IllegalArgumentException.class, () -> SimilarityScale.fit(0.7, 0.6));

        assertTrue(error.getMessage().contains("overlap"), error.getMessage());
    }
}
