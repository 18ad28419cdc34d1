package com.biometriclogger.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which notifications are judged: an object creation, in the upload bucket, under one of the two prefixes. */
class UploadScopeTest {

    private static final UploadScope SCOPE = new UploadScope(Optional.of("uploads-bucket"), "uploads/", Optional.of("references/"));

    @Test
    void anUploadOrAReferenceCreatedInTheBucketIsJudged() {
        assertEquals(Optional.empty(), SCOPE.skipReason(image("ObjectCreated:Put", "uploads-bucket", "uploads/me/1.jpg")));
        assertEquals(Optional.empty(), SCOPE.skipReason(image("ObjectCreated:Copy", "uploads-bucket", "references/me.jpg")));
    }

    @Test
    void anythingButAnObjectCreationIsSkippedNamingTheEvent() {
        assertEquals(Optional.of("event ObjectRemoved:Delete is not an object creation"),
                SCOPE.skipReason(image("ObjectRemoved:Delete", "uploads-bucket", "uploads/me/1.jpg")));
    }

    @Test
    void anotherBucketIsSkippedNamingBoth() {
        assertEquals(Optional.of("bucket elsewhere is not the upload bucket uploads-bucket"),
                SCOPE.skipReason(image("ObjectCreated:Put", "elsewhere", "uploads/me/1.jpg")));
        var anyBucket = new UploadScope(Optional.empty(), "uploads/", Optional.empty());
        assertEquals(Optional.empty(), anyBucket.skipReason(image("ObjectCreated:Put", "elsewhere", "uploads/me/1.jpg")));
    }

    @Test
    void aKeyOutsideBothPrefixesIsSkippedNamingThem() {
        assertEquals(Optional.of("key is outside the upload prefix uploads/ and the reference prefix references/"),
                SCOPE.skipReason(image("ObjectCreated:Put", "uploads-bucket", "other/me.jpg")));
        var detectOnly = new UploadScope(Optional.empty(), "uploads/", Optional.empty());
        assertEquals(Optional.of("key is outside the upload prefix uploads/"),
                detectOnly.skipReason(image("ObjectCreated:Put", "uploads-bucket", "references/me.jpg")));
    }

    private static UploadedImage image(String eventName, String bucket, String key) {
        return new UploadedImage(eventName, new ObjectVersion(bucket, key, "v1", "e1"), 10, "0001");
    }
}
