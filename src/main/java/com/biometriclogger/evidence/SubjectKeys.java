package com.biometriclogger.evidence;

import com.biometriclogger.decision.ReferenceLayout;

/**
 * The object keys one subject's images live under, as the function reads them: every key under
 * {@code <uploadPrefix><subject>/}, and its references ({@link ReferenceLayout}).
 */
public record SubjectKeys(String bucket, String uploadPrefix, String referencePrefix, String subject) {

    public SubjectKeys {
        if (subject == null || subject.isBlank() || subject.contains("/")) {
            throw new IllegalArgumentException("a subject id is one non-empty path segment, got '" + subject + "'");
        }
    }

    public String uploads() {
        return uploadPrefix + subject + "/";
    }

    /** Lists the subject's single-file reference and those of subjects whose id continues with a dot; {@link #covers} tells them apart. */
    public String referenceStem() {
        return references().singleFileStem(subject);
    }

    /** Lists the subject's named references, {@code <referencePrefix><subject>/<name>.jpg}. */
    public String referenceFolder() {
        return references().folder(subject);
    }

    /** Whether the key is one of the subject's images (a reference named {@code alice.old.jpg} is subject {@code alice.old}'s). */
    public boolean covers(String key) {
        return key.startsWith(uploads()) || references().isReferenceOf(key, subject);
    }

    private ReferenceLayout references() {
        return new ReferenceLayout(referencePrefix);
    }
}
