package com.biometriclogger.handler;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.Scenario;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/**
 * 1:1 verification against enrolled references, with the real handler in VERIFY mode against the local stand-ins;
 * CompareFaces answers are recorded (no face-embedding model can run offline here).
 */
abstract class MatchModeScenario extends UploadScenario {

    DecisionHandler handler;

    @BeforeEach
    void verifyMode() {
        handler = scenario.handler(Map.of("VERIFICATION_MODE", "MATCH", "MIN_SIMILARITY", "95"));
    }

    S3EventNotificationRecord enrol(String subject, byte[] reference) {
        var record = scenario.upload("references/" + subject + ".jpg", reference);
        Scenario.invoke(handler, S3Events.event(record));
        return record;
    }

    Map<String, String> verify(String key, byte[] image) {
        var record = scenario.upload(key, image);
        Scenario.invoke(handler, S3Events.event(record));
        return item(key);
    }

    /** The newest item for {@code key}. */
    Map<String, String> item(String key) {
        return scenario.auditItems().stream().filter(i -> i.get("objectKey").s().equals(key)).map(Scenario::asStrings)
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no item for " + key));
    }
}
