package com.biometriclogger.evidence;

/** One thing wrong with the evidence, naming the item (attempt id), seal or hour it concerns. */
public record Finding(Problem problem, String subject, String detail) {

    public enum Problem {
        /** The content no longer matches its signature: an attribute was changed, or the item forged. */
        SIGNATURE_INVALID,
        /** No signature at all: written around the function, or before signing existed. */
        UNSIGNED,
        /** Signed, but by a key other than the one the verifier trusts. */
        UNTRUSTED_KEY,
        /** An attribute is stored as a number, set or map: every attribute is written as a String. */
        NOT_STRING_TYPED,
        /** Listed in its hour's seal but no longer in the table. */
        DELETED_AFTER_SEALING,
        /** Dated in a sealed hour but absent from that seal: added after the hour was sealed. */
        NOT_IN_SEAL,
        /** A seal that cannot be read. */
        SEAL_INVALID,
        /** A seal with parts or ids missing. */
        SEAL_INCOMPLETE,
        /** An hour between two seals without a seal of its own. */
        SEAL_MISSING,
        /** The recorded decision does not follow from the recorded figures and thresholds. */
        DECISION_DOES_NOT_FOLLOW,
        /** The image version still stored hashes to something other than what was judged. */
        IMAGE_CHANGED
    }
}
