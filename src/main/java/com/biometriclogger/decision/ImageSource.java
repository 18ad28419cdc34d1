package com.biometriclogger.decision;

/** Reads the exact object version an upload event names. */
public interface ImageSource {

    /**
     * @return the version storage returned, which names the upload even when the event gave only its eTag
     * @throws UnjudgeableImageException when that version no longer exists, has changed, or cannot be
     *                                   judged as the very bytes read
     */
    StoredImage read(ObjectVersion object);
}
