package com.biometriclogger.decision;

/** A subject's current reference image, as enrolled: the exact version and the hash audited then. */
public record EnrolledReference(String key, String versionId, String sha256) {
}
