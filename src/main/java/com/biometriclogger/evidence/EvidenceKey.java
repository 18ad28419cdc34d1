package com.biometriclogger.evidence;

import com.biometriclogger.util.Sha256;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/**
 * The public half of the signing key a verifier trusts, and the key id items must carry. The key
 * comes from the verifier's side (a PEM file, or KMS GetPublicKey), never from the items.
 *
 * @param keyId null for a bare public key (a PEM file): items' recorded key ids are then not
 *              compared and the signature alone decides
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

    public static EvidenceKey fromPem(String pem) {
        return fromSubjectPublicKeyInfo(null, Pem.decode(pem, "PUBLIC KEY"));
    }

    /** The key id, or the public key's fingerprint for a bare key, for reports. */
    public String describe() {
        return keyId != null ? keyId : "public key sha256:" + fingerprint();
    }

    /**
     * The SHA-256 of the DER SubjectPublicKeyInfo: the one fingerprint of a key everywhere (verify,
     * the bundle checker, {@code openssl pkey -pubin -outform DER | sha256sum} and KMS GetPublicKey's
     * bytes), never of a PEM text, whose line breaks would change it.
     */
    public String fingerprint() {
        return Sha256.hex(publicKey.getEncoded());
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
