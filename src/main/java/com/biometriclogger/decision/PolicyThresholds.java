package com.biometriclogger.decision;

import com.biometriclogger.util.Numbers;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

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

    /** Reads {@link #canonical()} back. @throws IllegalArgumentException when a threshold is missing or malformed */
    public static PolicyThresholds parse(String canonical) {
        Map<String, String> values = new HashMap<>();
        for (String pair : canonical.split(";", -1)) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        try {
            return new PolicyThresholds(number(values, "minConfidence"), number(values, "maxYaw"),
                    number(values, "maxPitch"), number(values, "maxRoll"), number(values, "minBrightness"),
                    number(values, "minSharpness"), bool(values, "requireEyesOpen"), bool(values, "rejectSunglasses"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed policy '" + canonical + "'", e);
        }
    }

    private static float number(Map<String, String> values, String name) {
        return Float.parseFloat(required(values, name));
    }

    private static boolean bool(Map<String, String> values, String name) {
        return Boolean.parseBoolean(required(values, name));
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("policy without " + name);
        }
        return value;
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
