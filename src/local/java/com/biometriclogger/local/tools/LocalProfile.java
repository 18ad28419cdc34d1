package com.biometriclogger.local.tools;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The policy settings the local stack runs with: the deployed defaults, except the sunglasses
 * check, which no bundled model measures (the policy fails closed on an absent figure, so it
 * is turned off, visibly: this is printed at start-up and recorded in every item's {@code policy}),
 * and, when matching, a review band (off when deployed unless set) and a lockout after 2 failures
 * instead of 5, so that the demo shows each with few uploads; both are printed and recorded too.
 */
public final class LocalProfile {

    private static final String REVIEW_SIMILARITY = "80";
    private static final String LOCKOUT_FAILURES = "2";

    private LocalProfile() {
    }

    /** @param detectOnly run without enrolment and CompareFaces, as {@code VERIFICATION_MODE=DETECT_ONLY} */
    public static Map<String, String> settings(boolean detectOnly) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("REJECT_SUNGLASSES", "false");
        settings.put("VERIFICATION_MODE", detectOnly ? "DETECT_ONLY" : "MATCH");
        if (!detectOnly) {
            settings.put("REVIEW_SIMILARITY", REVIEW_SIMILARITY);
            settings.put("LOCKOUT_FAILURES", LOCKOUT_FAILURES);
        }
        return settings;
    }

    /** Printed at start-up, one line per point, each within {@code TextWrap.MAX_COLUMNS}. */
    public static String explanation(boolean detectOnly) {
        return "local profile:\n"
                + (detectOnly ? "  identity matching is OFF (VERIFICATION_MODE=DETECT_ONLY)\n"
                        : "  identity matching is ON (VERIFICATION_MODE=MATCH: CompareFaces, by the bundled embedding model)\n")
                + (detectOnly ? "" : "  review band ON: similarity " + REVIEW_SIMILARITY + " to under 95 is REVIEW_REQUIRED "
                        + "(REVIEW_SIMILARITY=" + REVIEW_SIMILARITY + "; default: off)\n"
                        + "  lockout after " + LOCKOUT_FAILURES + " failures in 15 minutes (LOCKOUT_FAILURES=" + LOCKOUT_FAILURES
                        + "; deployed default 5, for a short demo)\n")
                + "  face count, confidence, yaw, pitch, roll, brightness, sharpness, eyes open are ON (bundled models)\n"
                + "  the sunglasses check is OFF (no bundled model measures it; on AWS, Rekognition does and it is on)";
    }
}
