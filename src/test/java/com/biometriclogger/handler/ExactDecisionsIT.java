package com.biometriclogger.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.biometriclogger.decision.DecisionReport.Outcome;
import com.biometriclogger.decision.RetryableDecisionException;
import com.biometriclogger.local.facebackend.RekognitionError;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Each record gets its exact decision and reason, or a retryable failure of its own: hostile files, odd faces and bad
 * neighbours in one event change nothing for the others. Rekognition faults come from the endpoint's fault plan.
 */
class ExactDecisionsIT extends UploadScenario {

    @Test
    @DisplayName("case 6: one event, several records, bad ones among them: good ones audited, the bad judged or retried per kind")
    void goodRecordsSurviveBadNeighbours() {
        var good = scenario.upload("uploads/alice/selfie.jpg", clearFace(1501));
        var notAnImage = scenario.upload("uploads/bob/notes.jpg", "text".getBytes(StandardCharsets.UTF_8));
        byte[] throttledBytes = TestImages.jpeg(1502);
        scenario.faces().fail(throttledBytes, RekognitionError.throttling());
        var throttled = scenario.upload("uploads/carol/selfie.jpg", throttledBytes);
        var alsoGood = scenario.upload("uploads/dave/selfie.jpg", clearFace(1503));

        var failure = assertThrows(RetryableDecisionException.class,
                () -> scenario.invoke(S3Events.event(good, notAnImage, throttled, alsoGood)));

        assertEquals(List.of(Outcome.AUDITED, Outcome.AUDITED, Outcome.FAILED, Outcome.AUDITED), outcomes(failure.report()));
        assertEquals(List.of("uploads/alice/selfie.jpg AUTHORIZED", "uploads/bob/notes.jpg REJECTED",
                "uploads/dave/selfie.jpg AUTHORIZED"), keysAndDecisions());
    }

    @Test
    @DisplayName("case 10: zero bytes, text as .jpg, truncated JPEG and PNG, PNG bomb header, 16 MB: each REJECTED with its reason")
    void hostileFilesAreRejectedWithoutHarm() {
        // No answer is scripted for the cut images: the endpoint decodes them, as the service does, and refuses them.
        byte[] truncatedJpeg = firstHalf(TestImages.jpeg(1901));
        byte[] truncatedPng = firstHalf(TestImages.png(1902));
        byte[] bomb = java.nio.ByteBuffer.allocate(45).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})
                .putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(100_000).putInt(100_000)
                .put(new byte[] {8, 2, 0, 0, 0}).array();
        byte[] huge = new byte[16 * 1024 * 1024];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        int detectCallsBefore = scenario.stack().rekognition().callCount("DetectFaces");

        var report = scenario.invoke(S3Events.event(
                scenario.upload("uploads/h/1-empty.jpg", new byte[0]),
                scenario.upload("uploads/h/2-text.jpg", "<html>not a photo</html>".getBytes(StandardCharsets.UTF_8)),
                scenario.upload("uploads/h/3-truncated.jpg", truncatedJpeg),
                scenario.upload("uploads/h/4-truncated.png", truncatedPng),
                scenario.upload("uploads/h/5-bomb.png", bomb),
                scenario.upload("uploads/h/6-huge.jpg", huge)));

        assertEquals(Collections.nCopies(6, Outcome.AUDITED), outcomes(report));
        assertEquals(List.of("uploads/h/1-empty.jpg REJECTED EMPTY_OBJECT", "uploads/h/2-text.jpg REJECTED UNSUPPORTED_FORMAT",
                "uploads/h/3-truncated.jpg REJECTED INVALID_IMAGE_FORMAT", "uploads/h/4-truncated.png REJECTED INVALID_IMAGE_FORMAT",
                "uploads/h/5-bomb.png REJECTED DIMENSIONS_TOO_LARGE", "uploads/h/6-huge.jpg REJECTED TOO_LARGE"),
                keysDecisionsAndReasons());
        assertEquals(detectCallsBefore + 2, scenario.stack().rekognition().callCount("DetectFaces"),
                "only the truncated JPEG and PNG reach Rekognition");
    }

    private static byte[] firstHalf(byte[] image) {
        return Arrays.copyOf(image, image.length / 2);
    }

    @Test
    @DisplayName("case 11: no face, three faces, a face exactly at every threshold: exact decisions and reasons")
    void exactDecisions() {
        byte[] empty = TestImages.jpeg(2001);
        byte[] three = TestImages.jpeg(2002);
        byte[] edge = TestImages.jpeg(2003);
        scenario.faces().respond(empty, "no-face.json");
        scenario.faces().respond(three, "three-faces.json");
        scenario.faces().respond(edge, "face-at-every-threshold.json");

        scenario.invoke(S3Events.event(scenario.upload("uploads/x/1-empty.jpg", empty),
                scenario.upload("uploads/x/2-three.jpg", three), scenario.upload("uploads/x/3-edge.jpg", edge)));

        assertEquals(List.of("uploads/x/1-empty.jpg UNAUTHORIZED NO_FACE", "uploads/x/2-three.jpg UNAUTHORIZED MULTIPLE_FACES",
                "uploads/x/3-edge.jpg AUTHORIZED "), keysDecisionsAndReasons());
        var edgeItem = Scenario.asStrings(scenario.auditItems().get(2));
        assertEquals(List.of("90", "45", "-45", "45", "20", "20"), List.of(edgeItem.get("topConfidence"), edgeItem.get("faceYaw"),
                edgeItem.get("facePitch"), edgeItem.get("faceRoll"), edgeItem.get("faceBrightness"), edgeItem.get("faceSharpness")));
    }

    private List<String> keysAndDecisions() {
        return scenario.auditItems().stream().map(i -> i.get("objectKey").s() + " " + i.get("decision").s()).toList();
    }

    private List<String> keysDecisionsAndReasons() {
        return scenario.auditItems().stream()
                .map(i -> i.get("objectKey").s() + " " + i.get("decision").s() + " " + i.get("reasons").s()).toList();
    }
}
