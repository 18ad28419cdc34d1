package com.biometriclogger.aws;

import com.biometriclogger.decision.DeploymentFaultException;
import com.biometriclogger.evidence.Commitment;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Commitments in the Object Lock archive, each written with {@code If-None-Match: *}: the bucket's
 * policy refuses any other write, so a commitment, once there, gets no second version, and the lock
 * keeps it from being deleted. A 412 means it is there already (a retried delivery): nothing to do.
 * The function's role may put here and nowhere else in the archive; it cannot read back, so it
 * cannot tell an earlier commitment of its own from one written by someone else: verify can.
 */
public final class S3CommitmentArchive implements Commitment.Archive {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3CommitmentArchive(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public void commitOnce(Commitment commitment) {
        String key = prefix + commitment.relativeKey();
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).ifNoneMatch("*").contentType("application/json"),
                    RequestBody.fromBytes(commitment.content()));
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                return;
            }
            if (e.statusCode() == 403 || e.statusCode() == 404) {
                throw new DeploymentFaultException("S3 " + e.statusCode() + " writing the commitment s3://" + bucket + "/"
                        + key + ": check COMMITMENT_ARCHIVE_BUCKET and the role's s3:PutObject on the commitments prefix", e);
            }
            throw e;
        }
    }
}
