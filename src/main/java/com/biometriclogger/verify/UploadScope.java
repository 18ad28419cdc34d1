package com.biometriclogger.verify;

import java.util.Optional;

/**
 * Which notifications this function judges. Anything else (another bucket, a key outside the
 * upload prefix, an event that is not an object creation) is skipped without an audit item.
 *
 * @param bucket the only bucket accepted, or {@code null} to accept any
 */
public record UploadScope(String bucket, String prefix) {

    public Optional<String> skipReason(UploadedImage image) {
        if (image.eventName() == null || !image.eventName().startsWith("ObjectCreated:")) {
            return Optional.of("event " + image.eventName() + " is not an object creation");
        }
        if (bucket != null && !bucket.equals(image.bucket())) {
            return Optional.of("bucket " + image.bucket() + " is not the upload bucket " + bucket);
        }
        if (!image.key().startsWith(prefix)) {
            return Optional.of("key is outside the upload prefix " + prefix);
        }
        return Optional.empty();
    }
}
