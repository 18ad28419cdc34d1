package com.biometriclogger.decision;

/**
 * One object-created notification: which exact object version triggered it.
 *
 * @param sequencer S3's ordering token, recorded as the event gave it
 */
public record UploadedImage(String eventName, ObjectVersion object, long size, String sequencer) implements EventRecord {

    public String bucket() {
        return object.bucket();
    }

    /** The object key, already URL-decoded (as stored in S3). */
    public String key() {
        return object.key();
    }

    /** The same upload, named by the version storage answered with (the event may omit its version id). */
    UploadedImage as(ObjectVersion answered) {
        return new UploadedImage(eventName, answered, size, sequencer);
    }
}
