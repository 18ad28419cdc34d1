package com.biometriclogger.aws;

/**
 * Rekognition's documented image size limit for bytes sent in the request (DetectFaces,
 * CompareFaces); the limit for an S3 object reference is the domain's largest judged image,
 * {@link com.biometriclogger.decision.ImageScreen#MAX_IMAGE_BYTES}.
 */
public final class RekognitionLimits {

    /** Largest image accepted as raw bytes in the request. */
    public static final long MAX_INLINE_BYTES = 5L * 1024 * 1024;

    private RekognitionLimits() {
    }
}
