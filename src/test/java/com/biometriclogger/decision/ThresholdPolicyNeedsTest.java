package com.biometriclogger.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which face attributes the policy needs Rekognition to report: only those its checks read, each costing the call time. */
class ThresholdPolicyNeedsTest {

    @Test
    void eachAttributeIsNeededExactlyWhenItsCheckIsOn() {
        assertEquals(List.of(false, false), needs(false, false));
        assertEquals(List.of(true, false), needs(true, false));
        assertEquals(List.of(false, true), needs(false, true));
    }

    private static List<Boolean> needs(boolean requireEyesOpen, boolean rejectSunglasses) {
        var policy = new ThresholdPolicy(new PolicyThresholds(90f, 180f, 180f, 45f, 0f, 0f, requireEyesOpen, rejectSunglasses));
        return List.of(policy.needsEyesOpen(), policy.needsSunglasses());
    }
}
