package com.biometriclogger.decision;

/** Reads the exact object version an upload event names. */
public interface ImageSource {

    /**
     * @throws UnjudgeableImageException when that version no longer exists or has changed
     */
    ImageContent read(ObjectVersion object);
}
