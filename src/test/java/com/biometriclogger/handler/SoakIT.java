package com.biometriclogger.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.local.tools.SoakRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SoakIT {

    @Test
    @DisplayName("case 17: 1,000 uploads in multi-record events, 10 % transient faults, at-least-once delivery: exactly 1,000 items,"
            + " each with its bytes' hash, each judged and signed once unless a write failed")
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
        assertTrue(result.events() < 500, "events carry several records:\n" + result.table());
        // A redelivered or repeated record costs no DetectFaces and no signature; only a record whose
        // invocation failed between DetectFaces and the write, or a duplicate delivered while the first
        // was still in flight, is judged (and signed) again.
        assertTrue(result.judgedAgain() <= result.failedInvocations() + result.writtenMeanwhile(), result.table());
        assertEquals(1000 + result.judgedAgain(), result.detectFacesAnswers(), result.table());
        assertTrue(result.signCalls() <= result.detectFacesAnswers(), result.table());
    }
}
