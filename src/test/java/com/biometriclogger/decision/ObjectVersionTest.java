package com.biometriclogger.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ObjectVersionTest {

    @Test
    void sameVersionHasTheSameAttemptIdWhoeverNamesIt() {
        var fromTheEvent = new ObjectVersion("b", "uploads/a.jpg", "v1", "e1");
        var fromAHead = new ObjectVersion("b", "uploads/a.jpg", "v1", "\"e1\"");
        assertEquals(fromTheEvent.attemptId(), fromAHead.attemptId());
        assertTrue(fromTheEvent.attemptId().matches("[0-9a-f]{64}"));
    }

    @Test
    void aVersionedAttemptIdIsTheOneStoredItemsCarry() {
        assertEquals("7846b337a4c0e3fd1c41ff73da05c4c5d87839014c8361081535eda8b02d6783",
                new ObjectVersion("bucket", "uploads/alice/selfie 1.jpg", "v000042", "0123456789abcdef0123456789abcdef")
                        .attemptId());
    }

    @Test
    void anotherVersionOfTheSameKeyIsAnotherAttempt() {
        assertNotEquals(new ObjectVersion("b", "uploads/a.jpg", "v1", "e").attemptId(),
                new ObjectVersion("b", "uploads/a.jpg", "v2", "e").attemptId());
    }

    @Test
    void unversionedStatesAreToldApartByETagAndAHeadFindsTheEventsId() {
        var original = new ObjectVersion("b", "uploads/a.jpg", null, "e1");
        var overwritten = new ObjectVersion("b", "uploads/a.jpg", null, "e2");
        var headOfOriginal = new ObjectVersion("b", "uploads/a.jpg", "null", "\"e1\"");
        assertFalse(original.isVersioned());
        assertNotEquals(original.attemptId(), overwritten.attemptId());
        assertEquals(original.attemptId(), headOfOriginal.attemptId());
    }

    @Test
    void theLiteralNullVersionOfAnUnversionedBucketCountsAsUnversioned() {
        assertFalse(new ObjectVersion("b", "k", "null", "e").isVersioned());
        assertEquals("", new ObjectVersion("b", "k", "null", "e").versionId());
    }

    @Test
    void partsCannotBeShiftedAcrossTheirBoundary() {
        assertNotEquals(new ObjectVersion("ab", "c", "v", "e").attemptId(), new ObjectVersion("a", "bc", "v", "e").attemptId());
    }
}
