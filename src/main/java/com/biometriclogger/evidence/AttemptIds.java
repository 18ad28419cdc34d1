package com.biometriclogger.evidence;

import java.util.regex.Pattern;

/**
 * The strict form of the ids the ledger holds. A decision's attempt id is the SHA-256 the function
 * derives ({@code ObjectVersion.attemptId()}), 64 lowercase hex digits; a record about a decision (an
 * erasure record, {@code erasure-<that id>}) is its kind in lowercase letters, a hyphen, then that id.
 * Neither can hold the {@code ,} and {@code :} a seal's leaves are written with, so a leaf reads as
 * exactly one id and one digest; an item with any other id is named {@code ID_INVALID} by verify
 * and left out of its seal (so also {@code NOT_IN_SEAL}) by the sealer.
 */
final class AttemptIds {

    private static final Pattern ID = Pattern.compile("(?:[a-z]{1,16}-)?[0-9a-f]{64}");
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    private AttemptIds() {
    }

    static boolean isValid(String attemptId) {
        return ID.matcher(attemptId).matches();
    }

    static boolean isDigest(String digest) {
        return DIGEST.matcher(digest).matches();
    }
}
