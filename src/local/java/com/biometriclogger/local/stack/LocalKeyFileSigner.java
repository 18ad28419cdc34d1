package com.biometriclogger.local.stack;

import com.biometriclogger.evidence.EvidenceKey;
import com.biometriclogger.evidence.EvidenceSigner;
import com.biometriclogger.evidence.Pem;
import com.biometriclogger.util.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;

/**
 * The local stand-in's key material: a P-256 key pair in one PEM file whose first line says it is a
 * local test key. The local KMS endpoint signs with it; anyone who can read the file can forge
 * evidence, which is exactly why deployments sign with KMS, where the private key cannot be read.
 * Lives with the local stack (compiled with the tests), never in the Lambda zip.
 */
public final class LocalKeyFileSigner implements EvidenceSigner {

    static final String WARNING = "LOCAL TEST KEY - NOT FOR PRODUCTION EVIDENCE: whoever reads this file can sign as it.";

    private final EvidenceKey publicKey;
    private final PrivateKey privateKey;

    private LocalKeyFileSigner(EvidenceKey publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    public static LocalKeyFileSigner load(Path file) {
        try {
            String pem = Files.readString(file);
            var privateKey = KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Pem.decode(pem, "PRIVATE KEY")));
            byte[] publicKey = Pem.decode(pem, "PUBLIC KEY");
            return new LocalKeyFileSigner(EvidenceKey.fromSubjectPublicKeyInfo(
                    "local:" + Sha256.hex(publicKey).substring(0, 16), publicKey), privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local signing key " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a local signing key file (" + e.getMessage() + "): " + file, e);
        }
    }

    /** Creates the key file (and {@code <name>.pub.pem} with the public key alone) unless it exists. */
    public static LocalKeyFileSigner createIfMissing(Path file) {
        if (!Files.exists(file)) {
            try {
                var generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                var pair = generator.generateKeyPair();
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, WARNING + "\n" + Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded())
                        + Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(publicKeyFile(file), Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the local signing key " + file, e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java runtime provides EC P-256", e);
            }
        }
        return load(file);
    }

    public static Path publicKeyFile(Path keyFile) {
        return keyFile.resolveSibling(keyFile.getFileName().toString().replaceFirst("\\.pem$", "") + ".pub.pem");
    }

    public EvidenceKey evidenceKey() {
        return publicKey;
    }

    @Override
    public String keyId() {
        return publicKey.keyId().orElseThrow();
    }

    /** The same key material signing under a KMS key id: what a holder of {@code kms:Sign} on that key produces. */
    public EvidenceSigner as(String kmsKeyId) {
        var material = this;
        return new EvidenceSigner() {
            @Override
            public String keyId() {
                return kmsKeyId;
            }

            @Override
            public byte[] sign(byte[] message) {
                return material.sign(message);
            }
        };
    }

    @Override
    public byte[] sign(byte[] message) {
        return sign(EvidenceKey.ALGORITHM, message);
    }

    /** What KMS does for {@code MessageType: DIGEST}: ECDSA over a SHA-256 the caller computed. */
    public byte[] signDigest(byte[] sha256) {
        return sign("NONEwithECDSA", sha256);
    }

    private byte[] sign(String algorithm, byte[] input) {
        try {
            var signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(input);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with the local key failed", e);
        }
    }
}
