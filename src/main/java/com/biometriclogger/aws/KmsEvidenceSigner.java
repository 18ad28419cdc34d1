package com.biometriclogger.aws;

import com.biometriclogger.decision.DeploymentFaultException;
import com.biometriclogger.evidence.EvidenceKey;
import com.biometriclogger.evidence.EvidenceSigner;
import com.biometriclogger.util.Sha256;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * Signs with a KMS asymmetric key (ECC_NIST_P256). The private key never leaves KMS, so neither
 * this code nor anyone who can write to the audit table can produce a signature without
 * {@code kms:Sign} on that key.
 *
 * <p>KMS is sent the SHA-256 digest ({@code MessageType.DIGEST}): RAW messages are capped at
 * 4,096 bytes and an item with two 1,024-byte keys can exceed that. An ECDSA_SHA_256 signature over
 * the digest is the signature over the message, so verifiers check it against the canonical bytes.
 */
public final class KmsEvidenceSigner implements EvidenceSigner {

    private final KmsClient kms;
    private final String keyArn;

    public KmsEvidenceSigner(KmsClient kms, String keyArn) {
        this.kms = kms;
        this.keyArn = keyArn;
    }

    /** The key a verifier trusts: KMS's public half of the same key, fetched once. */
    public static EvidenceKey publicKey(KmsClient kms, String keyId) {
        var response = kms.getPublicKey(b -> b.keyId(keyId));
        return EvidenceKey.fromSubjectPublicKeyInfo(response.keyId(), response.publicKey().asByteArray());
    }

    @Override
    public String keyId() {
        return keyArn;
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            return kms.sign(b -> b.keyId(keyArn)
                            .messageType(MessageType.DIGEST)
                            .message(SdkBytes.fromByteArray(Sha256.newDigest().digest(message)))
                            .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256))
                    .signature().asByteArray();
        } catch (NotFoundException | DisabledException | KmsInvalidStateException | InvalidKeyUsageException e) {
            throw new DeploymentFaultException("KMS signing key " + keyArn + " cannot sign: " + e.getMessage(), e);
        } catch (KmsException e) {
            if (e.awsErrorDetails() != null && "AccessDeniedException".equals(e.awsErrorDetails().errorCode())) {
                throw new DeploymentFaultException("KMS AccessDenied signing with " + keyArn, e);
            }
            throw e;
        }
    }
}
