package com.biometriclogger.aws;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.Decision;
import com.biometriclogger.decision.DeploymentFaultException;
import com.biometriclogger.decision.EnrolledReference;
import com.biometriclogger.decision.ObjectVersion;
import com.biometriclogger.decision.ReasonCode;
import com.biometriclogger.decision.ReferenceRegistry;
import com.biometriclogger.decision.UnjudgeableImageException;
import com.biometriclogger.evidence.EvidenceKey;
import com.biometriclogger.evidence.EvidenceVerifier;
import com.biometriclogger.evidence.EvidenceVerifier.StoredItem;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The reference is the current version of {@code <prefix><subject>.jpg|.jpeg|.png} in the bucket
 * (one listing, then one HEAD for its version id),
 * and it is enrolled only if the audit table holds an ENROLLED item for that exact version: no
 * mutable pointer to keep in step, and the hash audited at enrolment comes with it.
 *
 * <p>That item is trusted only as the function's own signed evidence: read with every attribute as
 * stored, all Strings, signed by the trusted key under its id. Anyone who may write the table but
 * not {@code kms:Sign} could otherwise turn a REJECTED reference into an ENROLLED one and have the
 * function authorize a stranger. Any other enrolment item makes the reference unusable (audited
 * REJECTED REFERENCE_UNUSABLE, as when Rekognition cannot use it), never enrolled, and is logged.
 */
public final class S3ReferenceRegistry implements ReferenceRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(S3ReferenceRegistry.class);
    private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png");

    private final S3Client s3;
    private final DynamoDbEvidenceTable audit;
    private final String auditTableName;
    private final EvidenceVerifier signatures;
    private final String prefix;

    /**
     * @param trustedKey the item-signing key's public half with its KMS key id, from KMS itself,
     *                   never from the table
     */
    public S3ReferenceRegistry(S3Client s3, DynamoDbEvidenceTable audit, String auditTableName, EvidenceKey trustedKey,
                               String prefix) {
        if (trustedKey.keyId() == null) {
            throw new IllegalArgumentException("enrolments are trusted by key id as well as by signature: a bare public key is not enough");
        }
        this.s3 = s3;
        this.audit = audit;
        this.auditTableName = auditTableName;
        this.signatures = new EvidenceVerifier(List.of(trustedKey), List.of(trustedKey), Optional.empty(), Optional.empty());
        this.prefix = prefix;
    }

    @Override
    public Optional<EnrolledReference> currentReference(String bucket, String subjectId) {
        var key = currentKey(bucket, subjectId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        var head = head(bucket, key.get());
        if (head.isEmpty()) {
            return Optional.empty();
        }
        var reference = new ObjectVersion(bucket, key.get(), head.get().versionId(), head.get().eTag());
        var enrolment = audit.auditItem(auditTableName, reference.attemptId());
        if (enrolment.isEmpty()) {
            return Optional.empty();
        }
        var distrust = distrust(enrolment.get());
        if (distrust.isPresent()) {
            throw untrusted(reference, distrust.get());
        }
        var attributes = enrolment.get().attributes();
        if (!Decision.ENROLLED.name().equals(attributes.get(AuditAttribute.DECISION.stored()))) {
            return Optional.empty();
        }
        return Optional.of(new EnrolledReference(reference, attributes.getOrDefault(AuditAttribute.SHA256.stored(), "")));
    }

    /** Why the item is not the function's signed evidence; empty when it is. */
    private Optional<String> distrust(StoredItem enrolment) {
        if (!enrolment.nonStringAttributes().isEmpty()) {
            return Optional.of("attributes stored as another type than String: " + enrolment.nonStringAttributes());
        }
        return signatures.checkSignature(enrolment).problem().map(finding -> finding.problem() + ": " + finding.detail());
    }

    private static UnjudgeableImageException untrusted(ObjectVersion reference, String why) {
        LOG.atWarn()
                .addKeyValue("referenceKey", reference.key())
                .addKeyValue("referenceVersionId", reference.versionId())
                .addKeyValue("reason", ReasonCode.REFERENCE_UNUSABLE)
                .log("the enrolment item of reference {} ({}) is not signed evidence, so the reference is not used: {}",
                        reference.key(), reference.describe(), why);
        return new UnjudgeableImageException(ReasonCode.REFERENCE_UNUSABLE,
                "the enrolment item of " + reference.key() + " is not signed evidence: " + why, null);
    }

    /** One listing finds which of the subject's reference files exists, the newest if several do. */
    private Optional<String> currentKey(String bucket, String subjectId) {
        String stem = prefix + subjectId;
        try {
            return s3.listObjectsV2(b -> b.bucket(bucket).prefix(stem + ".")).contents().stream()
                    .filter(object -> EXTENSIONS.stream().anyMatch(extension -> object.key().equals(stem + extension)))
                    .max(Comparator.comparing(S3Object::lastModified))
                    .map(S3Object::key);
        } catch (S3Exception e) {
            if (e.statusCode() == 403) {
                throw new DeploymentFaultException("S3 access denied listing references under s3://" + bucket + "/"
                        + stem + ": the role needs s3:ListBucket", e);
            }
            throw e;
        }
    }

    private Optional<HeadObjectResponse> head(String bucket, String key) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(key)));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            if (e.statusCode() == 403) {
                throw new DeploymentFaultException("S3 access denied reading reference s3://" + bucket + "/" + key, e);
            }
            throw e;
        }
    }
}
