package com.biometriclogger.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The allow-list on lines as the encoder writes them: what it lets through and what it stops. */
class LogFieldsTest {

    private static final String AUDITED = "{\"timestamp\":\"2026-12-07T21:40:01.123Z\",\"level\":\"INFO\","
            + "\"logger\":\"com.biometriclogger.decision.DecisionFlow\",\"message\":\"audited\",\"requestId\":"
            + "\"0f8a5c1e-9d2b-4c3a-8e7f-1a2b3c4d5e6f\",\"bucket\":\"biometric-logger-uploads-123456789012\","
            + "\"key\":\"uploads/alice/selfie 1.jpg\",\"versionId\":\"v0000000000000001\",\"outcome\":\"AUDITED\","
            + "\"attemptId\":\"" + "ab".repeat(32) + "\",\"sha256\":\"" + "0f".repeat(32) + "\",\"sizeBytes\":\"20480\","
            + "\"decision\":\"REJECTED\",\"reasons\":\"MULTIPLE_FACES,LOW_SHARPNESS\",\"faceCount\":\"2\","
            + "\"readMs\":12,\"detectMs\":80,\"writeMs\":9,\"totalMs\":104}";

    @Test
    void aDecisionLineKeepsToTheList() {
        assertEquals(List.of(), LogFields.violations(AUDITED + "\n" + AUDITED));
    }

    @Test
    void aFaceBoxUnderAnUndeclaredNameIsStopped() {
        var found = LogFields.violations(AUDITED.replace("}", ",\"faceArea\":\"0.38,0.2,0.31,0.44\"}"));

        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("undeclared field faceArea in "), found.get(0));
    }

    @Test
    void aFaceBoxInADeclaredFieldIsStoppedByItsShape() {
        assertEquals(1, LogFields.violations(AUDITED.replace("\"MULTIPLE_FACES,LOW_SHARPNESS\"",
                "\"0.38,0.2,0.31,0.44\"")).size());
        assertEquals(1, LogFields.violations(AUDITED.replace("\"message\":\"audited\"",
                "\"message\":\"face at 0.38, 0.2, 0.31, 0.44\"")).size(), "free text is screened for figures");
        assertEquals(1, LogFields.violations(AUDITED.replace("\"key\":\"uploads/alice/selfie 1.jpg\"",
                "\"key\":\"uploads/alice/120;45;80;90.jpg\"")).size(), "an object key too");
    }

    @Test
    void imageBytesAsBase64AreStoppedButAHexDigestIsNot() {
        byte[] jpegStart = new byte[60];
        for (int i = 0; i < jpegStart.length; i++) {
            jpegStart[i] = (byte) (0xd8 + 7 * i);
        }
        String blob = Base64.getEncoder().encodeToString(jpegStart);

        assertEquals(1, LogFields.violations(AUDITED.replace("\"audited\"", "\"" + blob + "\"")).size());
        assertEquals(List.of(), LogFields.violations(AUDITED.replace("\"audited\"", "\"duplicate of " + "ab".repeat(32) + "\"")));
    }

    @Test
    void aValueOfAnotherJsonTypeOrALineThatIsNotJsonIsStopped() {
        assertEquals(1, LogFields.violations(AUDITED.replace("\"readMs\":12", "\"readMs\":\"12\"")).size());
        assertEquals(1, LogFields.violations(AUDITED.replace("\"faceCount\":\"2\"", "\"faceCount\":2")).size());
        assertEquals(1, LogFields.violations(AUDITED.replace("\"level\":\"INFO\"", "\"level\":{\"name\":\"INFO\"}")).size());
        assertEquals(List.of("not one JSON object: FaceDetails: [BoundingBox ...]"),
                LogFields.violations("FaceDetails: [BoundingBox ...]"));
    }
}
