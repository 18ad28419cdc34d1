package com.biometriclogger.local.facebackend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FixedComparisonsTest {

    private static final byte[] REFERENCE = "reference".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UPLOAD = "upload".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER = "other".getBytes(StandardCharsets.UTF_8);

    @Test
    void theChosenPairIsAnsweredAtItsSimilarityAndEveryOtherComparisonByTheBackend() throws Exception {
        var faces = new FixedComparisons(new FixedFaceBackend());
        faces.answer(REFERENCE, UPLOAD, 90f);

        var fixed = faces.compareFaces(image(REFERENCE), image(UPLOAD), 0f);

        assertEquals(90.0, fixed.get("FaceMatches").get(0).get("Similarity").asDouble(), 0.001);
        assertEquals(0, fixed.get("UnmatchedFaces").size());
        var other = assertThrows(RekognitionError.class, () -> faces.compareFaces(image(OTHER), image(UPLOAD), 0f));
        assertEquals("UnsupportedOperationException", other.type(), "the backend's own answer for another reference");
        assertThrows(RekognitionError.class, () -> faces.compareFaces(image(UPLOAD), image(REFERENCE), 0f));
    }

    @Test
    void belowTheRequestsThresholdTheFaceIsUnmatched() throws Exception {
        var faces = new FixedComparisons(new FixedFaceBackend());
        faces.answer(REFERENCE, UPLOAD, 12f);

        var answer = faces.compareFaces(image(REFERENCE), image(UPLOAD), 80f);

        assertEquals(0, answer.get("FaceMatches").size());
        assertEquals(1, answer.get("UnmatchedFaces").size());
    }

    private static DecodedImage image(byte[] bytes) {
        return new DecodedImage(bytes, new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
    }
}
