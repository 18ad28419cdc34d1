package com.biometriclogger.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.biometriclogger.decision.RetryableDecisionException;
import com.biometriclogger.handler.ChangeAlarmHandler;
import com.biometriclogger.handler.MalformedEventException;
import com.biometriclogger.handler.SealHandler;
import com.biometriclogger.local.facebackend.RekognitionError;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.LocalContext;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.LogCapture;
import com.biometriclogger.testing.LogFields;
import com.biometriclogger.testing.Scenario;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A full run of the three functions with the production log levels, captured through the
 * production encoder: the verification function (authorized, rejected, failed, duplicate, a test
 * event and a malformed one), the sealer and the change alarm. {@link LogCapture} fails unless every
 * line holds only the fields {@link LogFields} declares, each of its declared shape; beyond that no
 * image bytes may appear, raw or as base64.
 */
@ExtendWith(LocalStackExtension.class)
class LogsCarryNoBiometricsIT {

    private static final String SAMPLE_AUDIT_TABLE = "biometric-logger-AuditTable-1A2B3C4D5E6F";
    private static final String SAMPLE_SEAL_TABLE = "biometric-logger-SealTable-6F5E4D3C2B1A";

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
            Scenario.invoke(scenario.handler(), Scenario.eventJson("s3-test-event.json"));
            assertThrows(MalformedEventException.class,
                    () -> Scenario.invoke(scenario.handler(), Scenario.eventJson("object-without-records.json")));
            SealHandler.fromEnvironment(scenario.environment(), Clock.offset(Clock.systemUTC(), Duration.ofHours(2)))
                    .handleRequest(Map.of(), new LocalContext("seal"));
            ChangeAlarmHandler.fromEnvironment(scenario.environment()).handleRequest(sampleChangesOf(scenario),
                    new LocalContext("alarm"));
        });

        assertEquals(5, logs.lines().filter(l -> l.contains("\"outcome\":\"")).count(), logs);
        assertTrue(logs.contains("\"decision\":\"AUTHORIZED\""), logs);
        assertTrue(logs.contains("\"reasons\":\"MULTIPLE_FACES\""), logs);
        assertTrue(logs.contains("\"logger\":\"" + SealHandler.class.getName() + "\""), logs);
        assertTrue(logs.contains("\"alert\":\"UNEXPECTED_MODIFY\""), logs);
        assertTrue(logs.contains("the invocation fails: "), logs);
        for (byte[] image : new byte[][] {selfie, group, throttled}) {
            String base64 = Base64.getEncoder().encodeToString(image);
            assertFalse(logs.contains(base64.substring(0, 40)), "image bytes (base64) in the logs");
            assertFalse(logs.contains(new String(image, 0, 64, StandardCharsets.ISO_8859_1)), "raw image bytes in the logs");
        }
    }

    /** The sample stream event (a MODIFY, a REMOVE, an INSERT), as if from this scenario's two tables. */
    private static DynamodbEvent sampleChangesOf(Scenario scenario) {
        var changes = EventLoader.loadDynamoDbEvent("events/evidence-changes.json");
        changes.getRecords().forEach(record -> record.setEventSourceARN(record.getEventSourceARN()
                .replace(SAMPLE_SEAL_TABLE, LocalStack.sealTableName(scenario.table()))
                .replace(SAMPLE_AUDIT_TABLE, scenario.table())));
        return changes;
    }
}
