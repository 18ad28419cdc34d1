package com.biometriclogger.evidence;

import com.biometriclogger.verify.Sha256;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/**
 * The public half of the signing key a verifier trusts, and the key id items must carry. The key
 * comes from the verifier's side (a PEM file, or KMS GetPublicKey), never from the items.
 */
public record EvidenceKey(String keyId, PublicKey publicKey) {

    public static final String ALGORITHM = "SHA256withECDSA";

    public static EvidenceKey fromSubjectPublicKeyInfo(String keyId, byte[] der) {
        try {
            return new EvidenceKey(keyId, KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an EC public key: " + e.getMessage(), e);
        }
    }

    /** A local key's id is derived from the key itself, so a file cannot claim another key's id. */
    public static EvidenceKey localFromPem(String pem) {
        byte[] der = Pem.decode(pem, "PUBLIC KEY");
        return fromSubjectPublicKeyInfo(localKeyId(der), der);
    }

    static String localKeyId(byte[] subjectPublicKeyInfo) {
        return "local:" + Sha256.hex(subjectPublicKeyInfo).substring(0, 16);
    }

    public boolean verifies(byte[] message, byte[] signature) {
        try {
            var verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException malformedSignature) {
            return false;
        }
    }

    public String publicKeyPem() {
        return Pem.encode("PUBLIC KEY", publicKey.getEncoded());
    }
}
