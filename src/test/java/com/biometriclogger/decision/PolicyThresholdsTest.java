package com.biometriclogger.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PolicyThresholdsTest {

    @Test
    void theStoredPolicyReadsBackToTheSameThresholds() {
        var thresholds = new PolicyThresholds(92.5f, 180f, 30f, 12.25f, 0f, 35f, false, true);

        assertEquals(thresholds, PolicyThresholds.parse(thresholds.canonical()));
    }

    @Test
    void aPolicyMissingAThresholdIsRefused() {
        var error = assertThrows(IllegalArgumentException.class, () -> PolicyThresholds.parse("minConfidence=90"));

        assertEquals("policy without maxYaw", error.getMessage());
    }
}
