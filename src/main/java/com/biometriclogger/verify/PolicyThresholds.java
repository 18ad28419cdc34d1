package com.biometriclogger.verify;

import java.util.Locale;

/**
 * The thresholds a {@link ThresholdPolicy} applies. A value exactly at a threshold passes:
 * "minimum 90" accepts 90.0 and "maximum 45°" accepts ±45.0.
 *
 * @param minConfidence    minimum face confidence, 0–100
 * @param maxYaw           maximum |yaw| in degrees, 0–180 (180 turns the check off)
 * @param maxPitch         maximum |pitch| in degrees, 0–180 (180 turns the check off)
 * @param maxRoll          maximum |roll| in degrees, 0–180 (180 turns the check off)
 * @param minBrightness    minimum brightness, 0–100 (0 turns the check off)
 * @param minSharpness     minimum sharpness, 0–100 (0 turns the check off)
 * @param requireEyesOpen  whether eyes must be reported open
 * @param rejectSunglasses whether sunglasses must be reported absent
 */
public record PolicyThresholds(
        float minConfidence,
        float maxYaw,
        float maxPitch,
        float maxRoll,
        float minBrightness,
        float minSharpness,
        boolean requireEyesOpen,
        boolean rejectSunglasses) {

    public static final float ANGLE_CHECK_OFF = 180f;
    public static final float QUALITY_CHECK_OFF = 0f;

    public static PolicyThresholds defaults() {
        return new PolicyThresholds(90f, 45f, 45f, 45f, 20f, 20f, true, true);
    }

    /**
     * The thresholds as one stable string, stored with every decision so a later reader can
     * re-judge the recorded figures exactly as they were judged.
     */
    public String canonical() {
        return String.format(Locale.ROOT,
                "minConfidence=%s;maxYaw=%s;maxPitch=%s;maxRoll=%s;minBrightness=%s;minSharpness=%s;"
                        + "requireEyesOpen=%s;rejectSunglasses=%s;requiredFaces=1",
                Numbers.plain(minConfidence), Numbers.plain(maxYaw), Numbers.plain(maxPitch),
                Numbers.plain(maxRoll), Numbers.plain(minBrightness), Numbers.plain(minSharpness),
                requireEyesOpen, rejectSunglasses);
    }
}
