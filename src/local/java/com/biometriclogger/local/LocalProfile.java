package com.biometriclogger.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The policy settings the local stack runs with. BlazeFace reports no yaw, pitch, eyes-open or
 * sunglasses figures, and the policy fails closed on absent figures, so those checks are turned
 * off here, visibly: this is printed at start-up and recorded in every item's {@code policy}.
 */
public final class LocalProfile {

    private LocalProfile() {
    }

    public static Map<String, String> checksOff() {
        Map<String, String> off = new LinkedHashMap<>();
        off.put("MAX_YAW_DEGREES", "180");
        off.put("MAX_PITCH_DEGREES", "180");
        off.put("REQUIRE_EYES_OPEN", "false");
        off.put("REJECT_SUNGLASSES", "false");
        off.put("VERIFICATION_MODE", "DETECT_ONLY");
        return off;
    }

    public static String explanation() {
        return "local profile: yaw, pitch, eyes-open and sunglasses checks are OFF (BlazeFace cannot measure them; "
                + "on AWS, Rekognition does and they are on); face count, confidence, roll, brightness and sharpness are ON; "
                + "identity verification is OFF (VERIFICATION_MODE=DETECT_ONLY: no CompareFaces model offline)";
    }
}
