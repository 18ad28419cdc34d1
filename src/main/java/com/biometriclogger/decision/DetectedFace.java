package com.biometriclogger.decision;

/**
 * What the face detector reported about one face. A {@code null} field means the detector did not
 * report that attribute; the policy then fails closed for any check that needs it.
 */
public record DetectedFace(
        float confidence,
        Float yaw,
        Float pitch,
        Float roll,
        Float brightness,
        Float sharpness,
        Boolean eyesOpen,
        Boolean sunglasses) {
}
