package com.biometriclogger.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.local.SoakRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SoakIT {

    @Test
    @DisplayName("case 17: 1,000 uploads, 10 % transient faults, at-least-once delivery: exactly 1,000 items, each with its bytes' hash")
    void thousandUploadsUnderFaultsMakeExactlyOneItemEach() {
        var result = SoakRun.run(1000, 0.10, 17);

        assertEquals(1000, result.items(), result.table());
        assertEquals(0, result.missing(), result.table());
        assertEquals(0, result.duplicated(), result.table());
        assertEquals(0, result.hashMismatches(), result.table());
        assertEquals(0, result.badSignatures(), result.table());
        assertEquals(0, result.deadLettered(), result.table());
        assertTrue(result.faultsInjected() >= 100, "the faults must really happen:\n" + result.table());
        assertTrue(result.failedInvocations() >= 1, "some invocations must fail and be retried:\n" + result.table());
        assertTrue(result.duplicatesPrevented() >= 50, "duplicate deliveries must happen:\n" + result.table());
    }
}
