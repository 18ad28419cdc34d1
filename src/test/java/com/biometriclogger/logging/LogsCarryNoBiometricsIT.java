package com.biometriclogger.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.decision.RetryableDecisionException;
import com.biometriclogger.local.facebackend.RekognitionError;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.LogCapture;
import com.biometriclogger.testing.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A full run of the real handler (authorized, rejected, failed and duplicate records) with the
 * production log levels, captured through the production encoder: no image bytes, no base64
 * blobs, no face geometry, no raw Rekognition response may appear.
 */
@ExtendWith(LocalStackExtension.class)
class LogsCarryNoBiometricsIT {

    private static final Pattern BASE64_BLOB = Pattern.compile("[A-Za-z0-9+/]{64,}={0,2}");

    @Test
    void aFullRunLogsDecisionsButNoBiometricData(Scenario scenario) {
        byte[] selfie = TestImages.jpeg(500);
        byte[] group = TestImages.png(501);
        byte[] throttled = TestImages.jpeg(502);
        scenario.faces().respond(selfie, "one-clear-face.json");
        scenario.faces().respond(group, "two-faces.json");
        scenario.faces().respond(throttled, "one-clear-face.json");

        String logs = LogCapture.productionLogsOf(() -> {
            var authorized = scenario.upload("uploads/alice/selfie.jpg", selfie);
            scenario.invoke(S3Events.event(authorized, scenario.upload("uploads/bob/group.png", group),
                    scenario.upload("uploads/carol/notes.jpg", "not an image".getBytes(StandardCharsets.UTF_8))));
            scenario.invoke(S3Events.event(authorized));
            scenario.stack().rekognition().failNext(5, RekognitionError.throttling());
            var failing = S3Events.event(scenario.upload("uploads/dave/selfie.jpg", throttled));
            assertThrows(RetryableDecisionException.class, () -> scenario.invoke(failing));
        });

        assertEquals(5, logs.lines().filter(l -> l.contains("\"outcome\":\"")).count(), logs);
        assertTrue(logs.contains("\"decision\":\"AUTHORIZED\""), logs);
        assertTrue(logs.contains("\"reasons\":\"MULTIPLE_FACES\""), logs);
        for (String forbidden : new String[] {"FaceDetails", "BoundingBox", "Landmarks", "eyeLeft", "Pose", "Quality",
                "\"Bytes\"", "\"Image\""}) {
            assertFalse(logs.contains(forbidden), forbidden + " in\n" + logs);
        }
        for (byte[] image : new byte[][] {selfie, group, throttled}) {
            String base64 = Base64.getEncoder().encodeToString(image);
            assertFalse(logs.contains(base64.substring(0, 40)), "image bytes (base64) in the logs");
            assertFalse(logs.contains(new String(image, 0, 64, StandardCharsets.ISO_8859_1)), "raw image bytes in the logs");
        }
        var blobs = BASE64_BLOB.matcher(logs.replaceAll("\"(sha256|attemptId)\":\"[0-9a-f]{64}\"", ""));
        assertFalse(blobs.find(), () -> "base64-like blob in the logs: " + blobs.group());
    }
}
