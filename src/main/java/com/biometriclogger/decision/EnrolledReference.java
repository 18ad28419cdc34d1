package com.biometriclogger.decision;

/** A subject's current reference image, as enrolled: the exact version and the hash audited then. */
public record EnrolledReference(ObjectVersion object, String sha256) {

    public String key() {
        return object.key();
    }

    public String versionId() {
        return object.versionId();
    }
}
