package com.biometriclogger.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.Scenario;
import com.biometriclogger.util.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each item names exactly the object the event named: its version, its bytes' hash, its key as stored in S3. */
class ExactObjectIT extends UploadScenario {

    @Test
    @DisplayName("case 7: two versions of one key, events out of order: two items, each pinned to its version and hash")
    void versionsOutOfOrder() {
        byte[] v1 = clearFace(1601);
        byte[] v2 = clearFace(1602);
        var first = scenario.upload("uploads/alice/selfie.jpg", v1);
        var second = scenario.upload("uploads/alice/selfie.jpg", v2);

        scenario.invoke(S3Events.event(second));
        scenario.invoke(S3Events.event(first));

        Map<String, String> hashByVersion = new java.util.HashMap<>();
        scenario.auditItems().stream().map(Scenario::asStrings).forEach(i -> hashByVersion.put(i.get("versionId"), i.get("sha256")));
        assertEquals(Map.of(first.getS3().getObject().getVersionId(), Sha256.hex(v1),
                second.getS3().getObject().getVersionId(), Sha256.hex(v2)), hashByVersion);
    }

    @Test
    @DisplayName("case 8: object overwritten between event and read: the pinned version is judged")
    void overwrittenBeforeTheRead() {
        byte[] original = clearFace(1701);
        var event = S3Events.event(scenario.upload("uploads/alice/selfie.jpg", original));
        byte[] replacement = TestImages.png(1702);
        scenario.faces().respond(replacement, "no-face.json");
        scenario.put("uploads/alice/selfie.jpg", replacement);

        scenario.invoke(event);

        var item = scenario.onlyAuditItem();
        assertEquals(Sha256.hex(original), item.get("sha256"));
        assertEquals("AUTHORIZED", item.get("decision"));
    }

    @Test
    @DisplayName("case 9: keys with spaces, +, %, unicode and 1,024 bytes are decoded exactly")
    void awkwardKeysRoundTrip() {
        List<String> keys = List.of("uploads/with space.jpg", "uploads/a+b=c.jpg", "uploads/100% sure.jpg",
                "uploads/Zoë ✓ 日本.jpg", "uploads/" + "k".repeat(1024 - "uploads/".length() - 4) + ".jpg");
        assertEquals(1024, keys.get(4).getBytes(StandardCharsets.UTF_8).length);
        List<com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord> records = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            records.add(scenario.upload(keys.get(i), clearFace(1800 + i)));
        }

        scenario.invoke(S3Events.event(records));

        Set<String> stored = new HashSet<>();
        scenario.auditItems().forEach(i -> stored.add(i.get("objectKey").s()));
        assertEquals(new HashSet<>(keys), stored);
        assertTrue(records.get(1).getS3().getObject().getKey().contains("a%2Bb%3Dc"), "the event carries S3's encoding");
    }
}
