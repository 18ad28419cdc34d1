package com.biometriclogger.evidence;

import java.util.regex.Pattern;

/**
 * Which attempt ids a seal leaf may hold. Leaves are stored joined with {@code ,} and split on the
 * first {@code :}, so an id holding either would make one leaf read as several (or none) and blind
 * its whole hour; the sealer leaves such an item out of the seal (so verify names it NOT_IN_SEAL)
 * and verify reads such a leaf as malformed.
 *
 * <p>The function writes a SHA-256 in lowercase hex ({@code ObjectVersion.attemptId()}) and erasure
 * records {@code erasure-<that>}; this accepts the wider alphabet {@code [a-z0-9-]} up to 80
 * characters, which holds neither separator, because the test ledgers name attempts {@code a1}.
 */
final class AttemptIds {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,80}");
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
