package com.biometriclogger.evidence;

/**
 * One commitment object as the archive holds it.
 *
 * @param relativeKey its key below the commitments prefix, {@code <hour>/<attempt id>.json}
 * @param content     its first version's content, the one Object Lock holds
 * @param versions    how many versions the key holds: more than one means a write without If-None-Match
 */
public record ArchivedCommitment(String relativeKey, String content, int versions) {
}
