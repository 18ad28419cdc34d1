package com.biometriclogger.decision;

import java.util.Optional;

/**
 * Which notifications this function judges. Anything else (another bucket, a key outside the
 * upload prefix, an event that is not an object creation) is skipped without an audit item.
 *
 * @param bucket          the only bucket accepted; empty accepts any
 * @param referencePrefix where enrolment images live; empty without identity verification
 */
public record UploadScope(Optional<String> bucket, String prefix, Optional<String> referencePrefix) {

    public Optional<String> skipReason(UploadedImage image) {
        if (image.eventName() == null || !image.eventName().startsWith("ObjectCreated:")) {
            return Optional.of("event " + image.eventName() + " is not an object creation");
        }
        if (bucket.isPresent() && !bucket.get().equals(image.bucket())) {
            return Optional.of("bucket " + image.bucket() + " is not the upload bucket " + bucket.get());
        }
        boolean reference = referencePrefix.filter(image.key()::startsWith).isPresent();
        if (!image.key().startsWith(prefix) && !reference) {
            return Optional.of("key is outside the upload prefix " + prefix
                    + referencePrefix.map(references -> " and the reference prefix " + references).orElse(""));
        }
        return Optional.empty();
    }
}
