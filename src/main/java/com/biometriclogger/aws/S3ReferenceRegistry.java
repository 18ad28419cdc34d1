package com.biometriclogger.aws;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.Decision;
import com.biometriclogger.decision.DeploymentFaultException;
import com.biometriclogger.decision.EnrolledReference;
import com.biometriclogger.decision.ObjectVersion;
import com.biometriclogger.decision.ReasonCode;
import com.biometriclogger.decision.ReferenceLayout;
import com.biometriclogger.decision.ReferenceRegistry;
import com.biometriclogger.decision.UnjudgeableImageException;
import com.biometriclogger.evidence.EvidenceKey;
import com.biometriclogger.evidence.KeyId;
import com.biometriclogger.evidence.SignatureCheck;
import com.biometriclogger.evidence.StoredItem;
import java.util.ArrayList;
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
 * A reference is the current version of {@code <prefix><subject>.jpg|.jpeg|.png} or of
 * {@code <prefix><subject>/<name>.jpg|.jpeg|.png} in the bucket ({@link ReferenceLayout}; two listings,
 * then one HEAD per reference for its version id), and it is enrolled only if the audit table holds
 * an ENROLLED item for that exact version: no mutable pointer to keep in step, and the hash audited
 * at enrolment comes with it.
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
    private final SignatureCheck signatures;
    private final ReferenceLayout layout;

    /**
     * @param trustedKey the item-signing key's public half with its KMS key id, from KMS itself,
     *                   never from the table
     */
    public S3ReferenceRegistry(S3Client s3, DynamoDbEvidenceTable audit, String auditTableName, EvidenceKey trustedKey,
                               String prefix) {
        if (!(trustedKey.id() instanceof KeyId.Named)) {
            throw new IllegalArgumentException("enrolments are trusted by key id as well as by signature: a bare public key is not enough");
        }
        this.s3 = s3;
        this.audit = audit;
        this.auditTableName = auditTableName;
        this.signatures = new SignatureCheck(List.of(trustedKey));
        this.layout = new ReferenceLayout(prefix);
    }

    @Override
    public List<EnrolledReference> enrolledReferences(String bucket, String subjectId) {
        List<EnrolledReference> enrolled = new ArrayList<>();
        for (String key : referenceKeys(bucket, subjectId)) {
            if (enrolled.size() == ReferenceLayout.MAX_PER_SUBJECT) {
                break;
            }
            enrolled(bucket, key).ifPresent(enrolled::add);
        }
        return enrolled;
    }

    @Override
    public int referenceCount(String bucket, String subjectId) {
        return referenceKeys(bucket, subjectId).size();
    }

    /** The current version of the key, if that exact version was enrolled by a trusted item. */
    private Optional<EnrolledReference> enrolled(String bucket, String key) {
        var head = head(bucket, key);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        var reference = new ObjectVersion(bucket, key, head.get().versionId(), head.get().eTag());
        var enrolment = audit.auditItem(auditTableName, reference.attemptId());
        if (enrolment.isEmpty()) {
            return Optional.empty();
        }
        var distrust = distrust(enrolment.get());
        if (distrust.isPresent()) {
            throw untrusted(reference, distrust.get());
        }
        var item = enrolment.get();
        if (!item.get(AuditAttribute.DECISION.stored()).equals(Optional.of(Decision.ENROLLED.name()))) {
            return Optional.empty();
        }
        return item.get(AuditAttribute.SHA256.stored()).map(sha256 -> new EnrolledReference(reference, sha256));
    }

    /** Why the item is not the function's signed evidence; empty when it is. */
    private Optional<String> distrust(StoredItem enrolment) {
        return signatures.item(enrolment).problems().stream().findFirst()
                .map(finding -> finding.problem() + ": " + finding.detail());
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

    /**
     * The subject's reference keys in the order they are compared: the single-file reference first (the
     * newest if several extensions exist), then the named ones by key. Two listings, one per shape.
     */
    private List<String> referenceKeys(String bucket, String subjectId) {
        String stem = layout.singleFileStem(subjectId);
        List<String> keys = new ArrayList<>();
        list(bucket, stem).stream()
                .filter(object -> EXTENSIONS.contains("." + object.key().substring(stem.length())))
                .max(Comparator.comparing(S3Object::lastModified))
                .ifPresent(object -> keys.add(object.key()));
        String folder = layout.folder(subjectId);
        list(bucket, folder).stream()
                .map(S3Object::key)
                .filter(key -> isImageName(key.substring(folder.length())))
                .sorted()
                .forEach(keys::add);
        return keys;
    }

    private static boolean isImageName(String name) {
        return !name.contains("/") && EXTENSIONS.stream().anyMatch(extension -> name.length() > extension.length() && name.endsWith(extension));
    }

    /** One page: a thousand keys under one subject's prefix is far past the limit on references. */
    private List<S3Object> list(String bucket, String prefix) {
        try {
            return s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents();
        } catch (S3Exception e) {
            if (e.statusCode() == 403) {
                throw new DeploymentFaultException("S3 access denied listing references under s3://" + bucket + "/"
                        + prefix + ": the role needs s3:ListBucket", e);
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
