package com.biometriclogger.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UploadedImageTest {

    private static UploadedImage upload(String bucket, String key, String versionId, String eTag, String sequencer) {
        return new UploadedImage("ObjectCreated:Put", bucket, key, versionId, eTag, 10, sequencer);
    }

    @Test
    void sameVersionHasTheSameIdempotencyKeyWhateverTheDelivery() {
        var first = upload("b", "uploads/a.jpg", "v1", "e1", "s1");
        var redelivered = upload("b", "uploads/a.jpg", "v1", "e1", "s-later");
        assertEquals(first.idempotencyKey(), redelivered.idempotencyKey());
        assertTrue(first.idempotencyKey().matches("[0-9a-f]{64}"));
    }

    @Test
    void anotherVersionOfTheSameKeyIsAnotherAttempt() {
        assertNotEquals(upload("b", "uploads/a.jpg", "v1", "e", "s").idempotencyKey(),
                upload("b", "uploads/a.jpg", "v2", "e", "s").idempotencyKey());
    }

    @Test
    void unversionedUploadsAreTellApartByETagAndSequencer() {
        var original = upload("b", "uploads/a.jpg", null, "e1", "s1");
        var sameBytesOverwritten = upload("b", "uploads/a.jpg", null, "e1", "s2");
        assertFalse(original.isVersioned());
        assertNotEquals(original.idempotencyKey(), sameBytesOverwritten.idempotencyKey());
    }

    @Test
    void theLiteralNullVersionOfAnUnversionedBucketCountsAsUnversioned() {
        assertFalse(upload("b", "k", "null", "e", "s").isVersioned());
    }

    @Test
    void partsCannotBeShiftedAcrossTheirBoundary() {
        assertNotEquals(upload("ab", "c", "v", "e", "s").idempotencyKey(),
                upload("a", "bc", "v", "e", "s").idempotencyKey());
    }
}
