package com.biometriclogger.aws;

import com.biometriclogger.decision.ObjectVersion;
import com.biometriclogger.decision.UnjudgeableImageException;
import com.biometriclogger.evidence.EvidenceVerifier;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/** Re-reads a recorded image version the way the function read it (pinned), and hashes it. */
public final class S3ImageHashes implements EvidenceVerifier.ImageHashes {

    private final S3ImageSource images;

    public S3ImageHashes(S3Client s3) {
        this.images = new S3ImageSource(s3);
    }

    @Override
    public Optional<String> sha256(ObjectVersion image) {
        try {
            return images.read(image).content().sha256();
        } catch (UnjudgeableImageException goneOrReplaced) {
            return Optional.empty();
        }
    }
}
