package com.biometriclogger.decision;

/**
 * What storage answered for an upload: the exact version it returned (whose attempt id the audit
 * item takes) and that version's bytes.
 */
public record StoredImage(ObjectVersion version, ImageContent content) {
}
