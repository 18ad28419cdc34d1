package com.biometriclogger.decision;

import org.jspecify.annotations.Nullable;

/**
 * What the face detector reported about one face. A {@code null} field means the detector did not
 * report that attribute; the policy then fails closed for any check that needs it.
 *
 * @param box where the face is; recorded for the auditor's report, never judged
 */
public record DetectedFace(
        float confidence,
        @Nullable Float yaw,
        @Nullable Float pitch,
        @Nullable Float roll,
        @Nullable Float brightness,
        @Nullable Float sharpness,
        @Nullable Boolean eyesOpen,
        @Nullable Boolean sunglasses,
        @Nullable FaceBox box) {

    /** A face whose place the detector did not report. */
    public DetectedFace(float confidence, @Nullable Float yaw, @Nullable Float pitch, @Nullable Float roll,
                        @Nullable Float brightness, @Nullable Float sharpness, @Nullable Boolean eyesOpen,
                        @Nullable Boolean sunglasses) {
        this(confidence, yaw, pitch, roll, brightness, sharpness, eyesOpen, sunglasses, null);
    }
}
