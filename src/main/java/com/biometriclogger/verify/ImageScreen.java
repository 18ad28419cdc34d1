package com.biometriclogger.verify;

import java.util.Optional;

/** Rejects, before any Rekognition call, input that Rekognition could never judge. */
public final class ImageScreen {

    private ImageScreen() {
    }

    public static Optional<ReasonCode> rejectionOf(ImageContent content) {
        if (content.size() == 0) {
            return Optional.of(ReasonCode.EMPTY_OBJECT);
        }
        if (content.size() > RekognitionLimits.MAX_S3_OBJECT_BYTES) {
            return Optional.of(ReasonCode.TOO_LARGE);
        }
        if (ImageFormat.sniff(content.head()).isEmpty()) {
            return Optional.of(ReasonCode.UNSUPPORTED_FORMAT);
        }
        return Optional.empty();
    }
}
