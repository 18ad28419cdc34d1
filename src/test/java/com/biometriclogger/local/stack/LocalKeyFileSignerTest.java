package com.biometriclogger.local.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.evidence.CanonicalForm;
import com.biometriclogger.evidence.EvidenceKey;
import com.biometriclogger.evidence.EvidenceSigning;
import com.biometriclogger.util.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKeyFileSignerTest {

    @TempDir
    Path dir;

    @Test
    void aSignedItemVerifiesUntilAnyAttributeChangesOrIsAdded() {
        var signer = LocalKeyFileSigner.createIfMissing(dir.resolve("key.pem"));
        var signed = new EvidenceSigning(signer).sign(Map.of("decision", "UNAUTHORIZED", "reasons", "NO_FACE"));
        var key = signer.evidenceKey();

        assertEquals(signer.keyId(), signed.get(EvidenceSigning.SIGNING_KEY_ID));
        assertTrue(key.verifies(CanonicalForm.of(signed), signature(signed)));

        var changed = new HashMap<>(signed);
        changed.put("decision", "AUTHORIZED");
        assertFalse(key.verifies(CanonicalForm.of(changed), signature(changed)));

        var added = new HashMap<>(signed);
        added.put("note", "");
        assertFalse(key.verifies(CanonicalForm.of(added), signature(added)));
    }

    @Test
    void aDigestSignatureIsTheSignatureOfTheMessageAsKmsDigestModePromises() {
        var signer = LocalKeyFileSigner.createIfMissing(dir.resolve("key.pem"));
        byte[] message = "{\"decision\":\"AUTHORIZED\"}".getBytes(StandardCharsets.UTF_8);

        byte[] signature = signer.signDigest(Sha256.newDigest().digest(message));

        assertTrue(signer.evidenceKey().verifies(message, signature));
    }

    @Test
    void theKeyFileSaysItIsALocalTestKeyAndPublishesItsPublicHalf() throws Exception {
        Path file = dir.resolve("key.pem");
        var signer = LocalKeyFileSigner.createIfMissing(file);

        assertTrue(Files.readString(file).startsWith("LOCAL TEST KEY - NOT FOR PRODUCTION EVIDENCE"));
        var published = EvidenceKey.fromPem(Files.readString(LocalKeyFileSigner.publicKeyFile(file)));
        assertEquals(signer.evidenceKey().publicKey(), published.publicKey());
        assertTrue(signer.keyId().matches("local:[0-9a-f]{16}"), signer.keyId());
        assertEquals(signer.keyId(), LocalKeyFileSigner.createIfMissing(file).keyId(), "an existing key is kept");
        assertNotEquals(signer.keyId(), LocalKeyFileSigner.createIfMissing(dir.resolve("other.pem")).keyId());
    }

    private static byte[] signature(Map<String, String> item) {
        return Base64.getDecoder().decode(item.get(CanonicalForm.SIGNATURE));
    }
}
