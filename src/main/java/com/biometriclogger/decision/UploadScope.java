package com.biometriclogger.decision;

import java.util.Optional;

/**
 * Which notifications this function judges. Anything else (another bucket, a key outside the
 * upload prefix, an event that is not an object creation) is skipped without an audit item.
 *
 * @param bucket          the only bucket accepted, or {@code null} to accept any
 * @param referencePrefix where enrolment images live, or {@code null} without identity verification
 */
public record UploadScope(String bucket, String prefix, String referencePrefix) {

    public UploadScope(String bucket, String prefix) {
        this(bucket, prefix, null);
    }

    public Optional<String> skipReason(UploadedImage image) {
        if (image.eventName() == null || !image.eventName().startsWith("ObjectCreated:")) {
            return Optional.of("event " + image.eventName() + " is not an object creation");
        }
        if (bucket != null && !bucket.equals(image.bucket())) {
            return Optional.of("bucket " + image.bucket() + " is not the upload bucket " + bucket);
        }
        boolean reference = referencePrefix != null && image.key().startsWith(referencePrefix);
        if (!image.key().startsWith(prefix) && !reference) {
            return Optional.of("key is outside the upload prefix " + prefix
                    + (referencePrefix == null ? "" : " and the reference prefix " + referencePrefix));
        }
        return Optional.empty();
    }
}
