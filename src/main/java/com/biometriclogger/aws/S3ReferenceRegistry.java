package com.biometriclogger.aws;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.AuditItem;
import com.biometriclogger.decision.Decision;
import com.biometriclogger.decision.DeploymentFaultException;
import com.biometriclogger.decision.EnrolledReference;
import com.biometriclogger.decision.ObjectVersion;
import com.biometriclogger.decision.ReferenceRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The reference is the current version of {@code <prefix><subject>.jpg|.jpeg|.png} in the bucket
 * (one listing, then one HEAD for its version id),
 * and it is enrolled only if the audit table holds an ENROLLED item for that exact version: no
 * mutable pointer to keep in step, and the hash audited at enrolment comes with it.
 */
public final class S3ReferenceRegistry implements ReferenceRegistry {

    private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png");

    private final S3Client s3;
    private final DynamoDbTable<AuditItem> audit;
    private final String prefix;

    public S3ReferenceRegistry(S3Client s3, DynamoDbTable<AuditItem> audit, String prefix) {
        this.s3 = s3;
        this.audit = audit;
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
        AuditItem enrolment = audit.getItem(r -> r.key(Key.builder().partitionValue(reference.attemptId()).build())
                .consistentRead(true));
        if (enrolment == null || !Decision.ENROLLED.name().equals(enrolment.get(AuditAttribute.DECISION))) {
            return Optional.empty();
        }
        return Optional.of(new EnrolledReference(reference, enrolment.get(AuditAttribute.SHA256)));
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
