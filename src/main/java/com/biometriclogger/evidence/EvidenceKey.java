package com.biometriclogger.evidence;

import com.biometriclogger.util.Sha256;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Optional;

/**
 * The public half of the signing key a verifier trusts, and the key id items must carry. The key
 * comes from the verifier's side (a PEM file, or KMS GetPublicKey), never from the items.
 *
 * @param id the recorded key ids this key stands for
 */
public record EvidenceKey(KeyId id, PublicKey publicKey) {

    public static final String ALGORITHM = "SHA256withECDSA";

    /** A key known by its KMS key id. */
    public EvidenceKey(String keyId, PublicKey publicKey) {
        this(new KeyId.Named(keyId), publicKey);
    }

    public static EvidenceKey fromSubjectPublicKeyInfo(String keyId, byte[] der) {
        return new EvidenceKey(keyId, decode(der));
    }

    /** A bare public key: the signature alone decides. */
    public static EvidenceKey fromPem(String pem) {
        return new EvidenceKey(new KeyId.AnyId(), decode(Pem.decode(pem, "PUBLIC KEY")));
    }

    private static PublicKey decode(byte[] der) {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an EC public key: " + e.getMessage(), e);
        }
    }

    /** The KMS key id; empty for a bare public key. */
    public Optional<String> keyId() {
        return id instanceof KeyId.Named named ? Optional.of(named.value()) : Optional.empty();
    }

    /** The key id, or the public key's fingerprint for a bare key, for reports. */
    public String describe() {
        return keyId().orElseGet(() -> "public key sha256:" + fingerprint());
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
