package com.biometriclogger.decision;

import java.util.Optional;

/**
 * Where a subject's reference images live: {@code <prefix><subject>.<extension>}, the one reference
 * a subject had before several were allowed, and {@code <prefix><subject>/<name>.<extension>} beside
 * it, each a reference of its own.
 *
 * <p>{@link #MAX_PER_SUBJECT} references at most: each one is a {@code CompareFaces} call (US$0.001,
 * a few hundred milliseconds) that an upload failing to match pays for every reference, so the
 * limit bounds both the cost and the time of one decision at three times a single reference's. Three
 * covers the usual changes people ask for (with and without glasses, with and without a beard, an
 * older and a newer photo) without turning 1:1 verification into a search among many faces.
 */
public record ReferenceLayout(String prefix) {

    public static final int MAX_PER_SUBJECT = 3;

    public boolean isReference(String key) {
        return key.startsWith(prefix);
    }

    /** Lists the subject's single-file reference, and those of subjects whose id continues with a dot. */
    public String singleFileStem(String subject) {
        return prefix + subject + ".";
    }

    /** Lists the subject's named references. */
    public String folder(String subject) {
        return prefix + subject + "/";
    }

    /**
     * The subject a reference key belongs to: the file name without its extension, or the folder a
     * named reference is in; empty when the key is neither shape (nested folders, no name).
     */
    public Optional<String> subjectOf(String key) {
        if (!isReference(key)) {
            return Optional.empty();
        }
        String rest = key.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            String name = rest.substring(slash + 1);
            return slash > 0 && !name.isEmpty() && !name.contains("/") ? Optional.of(rest.substring(0, slash)) : Optional.empty();
        }
        int dot = rest.lastIndexOf('.');
        String subject = dot > 0 ? rest.substring(0, dot) : rest;
        return subject.isEmpty() ? Optional.empty() : Optional.of(subject);
    }

    /**
     * Whether the key is one of the subject's images under the prefix: anything in its folder, or its
     * single file with any one extension ({@code alice.old.jpg} is subject {@code alice.old}'s).
     */
    public boolean isReferenceOf(String key, String subject) {
        if (key.startsWith(folder(subject))) {
            return true;
        }
        if (!key.startsWith(singleFileStem(subject))) {
            return false;
        }
        String extension = key.substring(singleFileStem(subject).length());
        return !extension.isEmpty() && !extension.contains(".") && !extension.contains("/");
    }
}
