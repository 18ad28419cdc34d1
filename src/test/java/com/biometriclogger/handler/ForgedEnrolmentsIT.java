package com.biometriclogger.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.evidence.EvidenceSigner;
import com.biometriclogger.evidence.EvidenceSigning;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.LocalKeyFileSigner;
import com.biometriclogger.local.stack.LocalKms;
import com.biometriclogger.testing.LogCapture;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Enrolment trusts only signed evidence. Each attack below is played by someone who may write the audit table
 * (PutItem/UpdateItem through the real client) but not kms:Sign, against a reference whose next upload Rekognition
 * would match: without the registry's check, it is AUTHORIZED.
 */
class ForgedEnrolmentsIT extends MatchModeScenario {

    @Test
    void aTableWriterWhoFlipsARejectedReferenceToEnrolledEnrolsNobody() {
        var wall = rejectedReference("bob", 4001);
        scenario.stack().dynamoDb().updateItem(b -> b.tableName(scenario.table()).key(key(wall.get("attemptId")))
                .updateExpression("SET decision = :enrolled, reasons = :none")
                .expressionAttributeValues(Map.of(":enrolled", AttributeValue.fromS("ENROLLED"), ":none", AttributeValue.fromS(""))));
        byte[] stranger = matchingUpload(4002);

        var item = new AtomicReference<Map<String, String>>();
        String logs = LogCapture.productionLogsOf(() -> item.set(verifyWithoutComparing("uploads/bob/door.jpg", stranger)));

        assertReferenceUnusable(item.get());
        var warning = logs.lines().filter(line -> line.contains("\"level\":\"WARN\"")).toList();
        assertEquals(1, warning.size(), logs);
        assertTrue(warning.get(0).contains("\"referenceKey\":\"references/bob.jpg\""), warning.get(0));
        assertTrue(warning.get(0).contains("\"referenceVersionId\":\"" + wall.get("versionId") + "\""), warning.get(0));
        assertTrue(warning.get(0).contains("SIGNATURE_INVALID"), warning.get(0));
    }

    @Test
    void anUnsignedEnrolmentPutByATableWriterEnrolsNobody() {
        var forged = new HashMap<>(rejectedReference("bob", 4101));
        forged.put("decision", "ENROLLED");
        forged.put("reasons", "");
        forged.remove("signature");
        forged.remove("signingKeyId");
        put(forged);

        assertReferenceUnusable(verifyWithoutComparing("uploads/bob/door.jpg", matchingUpload(4102)));
    }

    @ParameterizedTest(name = "claiming the trusted key id: {0}")
    @ValueSource(booleans = {false, true})
    void anEnrolmentSignedByAnotherKeyEnrolsNobody(boolean claimsTheTrustedKeyId, @TempDir Path dir) {
        var otherKey = LocalKeyFileSigner.createIfMissing(dir.resolve("other.pem"));
        EvidenceSigner forger = !claimsTheTrustedKeyId ? otherKey : new EvidenceSigner() {
            @Override
            public String keyId() {
                return LocalKms.KEY_ARN;
            }

            @Override
            public byte[] sign(byte[] message) {
                return otherKey.sign(message);
            }
        };
        var enrolled = new HashMap<>(rejectedReference("bob", 4201));
        enrolled.put("decision", "ENROLLED");
        enrolled.put("reasons", "");
        put(new EvidenceSigning(forger).sign(enrolled));

        assertReferenceUnusable(verifyWithoutComparing("uploads/bob/door.jpg", matchingUpload(4202)));
    }

    /** The Enhanced Client's String map would not see either: a retyped attribute reads as null, an added one not at all. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"faceCount", "reviewedAt"})
    void aGenuineEnrolmentWithANumberAttributeIsNoLongerTrusted(String attribute) {
        enrol("alice", clearFace(4301));
        String enrolment = item("references/alice.jpg").get("attemptId");
        scenario.stack().dynamoDb().updateItem(b -> b.tableName(scenario.table()).key(key(enrolment))
                .updateExpression("SET #a = :n").expressionAttributeNames(Map.of("#a", attribute))
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1"))));

        var item = verifyWithoutComparing("uploads/alice/door.jpg", matchingUpload(4302));

        assertEquals("REJECTED REFERENCE_UNUSABLE", item.get("decision") + " " + item.get("reasons"));
        assertEquals("alice", item.get("subjectId"));
    }

    /** A reference that failed enrolment (no face): its item, signed by the function, REJECTED NO_FACE. */
    private Map<String, String> rejectedReference(String subject, long seed) {
        byte[] wall = TestImages.jpeg(seed);
        scenario.faces().respond(wall, "no-face.json");
        enrol(subject, wall);
        var item = item("references/" + subject + ".jpg");
        assertEquals("REJECTED NO_FACE", item.get("decision") + " " + item.get("reasons"));
        return item;
    }

    private byte[] matchingUpload(long seed) {
        byte[] upload = clearFace(seed);
        scenario.faces().respondToComparison(upload, "compare-match.json");
        return upload;
    }

    private Map<String, String> verifyWithoutComparing(String key, byte[] image) {
        int comparisons = scenario.stack().rekognition().callCount("CompareFaces");
        var item = verify(key, image);
        assertEquals(comparisons, scenario.stack().rekognition().callCount("CompareFaces"), "an untrusted reference was compared");
        return item;
    }

    private static void assertReferenceUnusable(Map<String, String> item) {
        assertEquals("REJECTED REFERENCE_UNUSABLE", item.get("decision") + " " + item.get("reasons"));
        assertEquals("bob", item.get("subjectId"));
        assertEquals("", item.get("referenceKey"));
    }

    private void put(Map<String, String> attributes) {
        var item = new HashMap<String, AttributeValue>();
        attributes.forEach((name, value) -> item.put(name, AttributeValue.fromS(value)));
        scenario.stack().dynamoDb().putItem(b -> b.tableName(scenario.table()).item(item));
    }

    private static Map<String, AttributeValue> key(String attemptId) {
        return Map.of("attemptId", AttributeValue.fromS(attemptId));
    }
}
