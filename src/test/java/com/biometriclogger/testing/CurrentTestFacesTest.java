package com.biometriclogger.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.biometriclogger.local.facebackend.DecodedImage;
import com.biometriclogger.local.facebackend.RekognitionError;
import com.biometriclogger.local.samples.TestImages;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurrentTestFacesTest {

    private static final byte[] IMAGE = TestImages.jpeg(7101);

    @Test
    void eachTestIsAnsweredFromItsOwnRecordingOnly() throws Exception {
        var endpointBackend = new CurrentTestFaces();
        var firstRecording = new RecordedFaces();
        firstRecording.respond(IMAGE, "one-clear-face.json");

        var firstTest = endpointBackend.answerFrom(firstRecording);
        assertEquals(1, faceCount(endpointBackend));
        firstTest.close();
        var secondTest = endpointBackend.answerFrom(new RecordedFaces());
        assertEquals(0, faceCount(endpointBackend), "the first test's recording must not answer the second");
        secondTest.close();
    }

    @Test
    void aSecondTestIsRefusedWhileAnotherHoldsTheEndpoint() throws Exception {
        var endpointBackend = new CurrentTestFaces();

        var firstTest = endpointBackend.answerFrom(new RecordedFaces());
        var refused = assertThrows(IllegalStateException.class, () -> endpointBackend.answerFrom(new RecordedFaces()));
        assertEquals("the local stack answers one test's face recording at a time: run the tests that use "
                + "LocalStackExtension one after another, not in parallel", refused.getMessage());
        firstTest.close();
        endpointBackend.answerFrom(new RecordedFaces()).close();
    }

    @Test
    void aCallBetweenTestsIsAServiceErrorNotAnAnswer() {
        var error = assertThrows(RekognitionError.class, () -> faceCount(new CurrentTestFaces()));

        assertEquals(500, error.status());
        assertEquals("InternalServerError", error.type());
    }

    private static int faceCount(CurrentTestFaces backend) throws RekognitionError {
        return backend.detectFaces(DecodedImage.of(IMAGE), List.of("ALL")).get("FaceDetails").size();
    }
}
