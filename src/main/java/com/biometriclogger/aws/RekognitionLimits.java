package com.biometriclogger.aws;

/** Rekognition's documented image size limits for DetectFaces and CompareFaces. */
public final class RekognitionLimits {

    /** Largest image accepted as raw bytes in the request. */
    public static final long MAX_INLINE_BYTES = 5L * 1024 * 1024;

    /** Largest image accepted as an S3 object reference. */
    public static final long MAX_S3_OBJECT_BYTES = 15L * 1024 * 1024;

    private RekognitionLimits() {
    }
}
