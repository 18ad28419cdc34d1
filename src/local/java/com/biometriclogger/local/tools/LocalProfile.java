package com.biometriclogger.local.tools;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The policy settings the local stack runs with: the deployed defaults, except the sunglasses
 * check, which no bundled model measures (the policy fails closed on an absent figure, so it
 * is turned off, visibly: this is printed at start-up and recorded in every item's {@code policy}).
 */
public final class LocalProfile {

    private LocalProfile() {
    }

    /** @param detectOnly run without enrolment and CompareFaces, as {@code VERIFICATION_MODE=DETECT_ONLY} */
    public static Map<String, String> settings(boolean detectOnly) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("REJECT_SUNGLASSES", "false");
        settings.put("VERIFICATION_MODE", detectOnly ? "DETECT_ONLY" : "MATCH");
        return settings;
    }

    /** Printed at start-up, one line per point, each within {@code TextWrap.MAX_COLUMNS}. */
    public static String explanation(boolean detectOnly) {
        return "local profile:\n"
                + (detectOnly ? "  identity matching is OFF (VERIFICATION_MODE=DETECT_ONLY)\n"
                        : "  identity matching is ON (VERIFICATION_MODE=MATCH: CompareFaces, by the bundled embedding model)\n")
                + "  face count, confidence, yaw, pitch, roll, brightness, sharpness, eyes open are ON (bundled models)\n"
                + "  the sunglasses check is OFF (no bundled model measures it; on AWS, Rekognition does and it is on)";
    }
}
