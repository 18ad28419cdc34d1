package com.biometriclogger.evidence;

/**
 * The object keys one subject's images live under, as the function reads them: every key under
 * {@code <uploadPrefix><subject>/}, and the reference {@code <referencePrefix><subject>.<extension>}.
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

    /** Lists the subject's reference and those of subjects whose id continues with a dot; {@link #covers} tells them apart. */
    public String referenceStem() {
        return referencePrefix + subject + ".";
    }

    /** Whether the key is one of the subject's images (a reference named {@code alice.old.jpg} is subject {@code alice.old}'s). */
    public boolean covers(String key) {
        if (key.startsWith(uploads())) {
            return true;
        }
        if (!key.startsWith(referenceStem())) {
            return false;
        }
        String extension = key.substring(referenceStem().length());
        return !extension.isEmpty() && !extension.contains(".") && !extension.contains("/");
    }
}
