package com.biometriclogger.evidence;

/**
 * One thing wrong with the evidence.
 *
 * @param about the item (attempt id), seal or hour it concerns
 */
public record Finding(Problem problem, String about, String detail) {

    public enum Problem {
        /** The content no longer matches its signature: an attribute was changed, or the item forged. */
        SIGNATURE_INVALID,
        /** An id that is neither a decision's (64 lowercase hex) nor a record's ({@code erasure-<that>}). */
        ID_INVALID,
        /** No signature at all: written around the function, or before signing existed. */
        UNSIGNED,
        /** Signed, but by a key other than the ones the verifier trusts. */
        UNTRUSTED_KEY,
        /** An attribute is stored as a number, set or map: every attribute is written as a String. */
        NOT_STRING_TYPED,
        /** Listed in its hour's seal but no longer in the table, and no valid erasure record accounts for it. */
        DELETED_AFTER_SEALING,
        /** An erasure record whose erased item is still in the table: the erasure did not finish. */
        ERASURE_INCOMPLETE,
        /** An erasure record naming an attempt no seal holds: it accounts for nothing ever sealed. */
        ERASURE_OF_UNSEALED,
        /** An erasure record whose digest is not the one the seal holds for the item it names. */
        ERASURE_MISMATCH,
        /** An erasure record not stored under {@code erasure-<the attempt id it names>}. */
        ERASURE_INVALID,
        /** A review record not stored under {@code review-<the attempt id it names>}, or with no valid outcome. */
        REVIEW_INVALID,
        /** A review record naming an attempt that is not in the table (nor erased) or may not be reviewed on its ground. */
        REVIEW_OF_UNREVIEWABLE,
        /** A review record whose digest is not that of the item it names: it reviewed something else. */
        REVIEW_MISMATCH,
        /** In its hour's seal with another digest: its content changed after sealing (even if re-signed). */
        CHANGED_AFTER_SEALING,
        /** Its content no longer hashes to the commitment archived when it was stored: rewritten, even if re-signed. */
        CHANGED_AFTER_COMMITMENT,
        /** Committed when stored, now missing from the table, and no erasure record accounts for it. */
        DELETED_AFTER_COMMITMENT,
        /** Dated in an hour not sealed yet, with no commitment in the archive: not stored by the function. */
        NOT_COMMITTED,
        /** An object under the commitments prefix that is not a readable commitment, or a key written over. */
        COMMITMENT_INVALID,
        /** Dated in a sealed hour but absent from that seal: added after the hour was sealed. */
        NOT_IN_SEAL,
        /** A seal that cannot be read. */
        SEAL_INVALID,
        /** A seal with parts or ids missing. */
        SEAL_INCOMPLETE,
        /** An hour between two seals without a seal of its own. */
        SEAL_MISSING,
        /** A seal that does not name its predecessor's digest or height: one between them was removed or rewritten. */
        SEAL_CHAIN_BROKEN,
        /** Two seals naming the same predecessor. */
        SEAL_FORK,
        /** The oldest seal left is not the genesis seal: the ones before it were removed. */
        CHAIN_TRUNCATED,
        /** A version-1 seal (ids only) for an hour at or after the chain's first version-2 seal. */
        SEAL_DOWNGRADED,
        /** No seal for {@link Sealer#OVERDUE} after an hour ended: the decisions since are open to unnamed deletion. */
        SEALING_STOPPED,
        /** A seal written long after its hour, beyond what a sealer catching up would take. */
        SEALED_LATE,
        /** The seal table's copy of a seal differs from the archived one. */
        SEAL_DIFFERS_FROM_ARCHIVE,
        /** An archived seal missing from the seal table. */
        SEAL_MISSING_FROM_TABLE,
        /** A seal in the table that the archive does not hold: not written by the sealer. */
        NOT_ARCHIVED,
        /** An archived seal's key holds more than one version: something wrote over the locked one. */
        ARCHIVE_OVERWRITTEN,
        /** A delete marker hides an archived seal (its locked version remains). */
        ARCHIVE_HIDDEN,
        /** An item filed under an hour other than that of its decision. */
        ITEM_MISDATED,
        /** An item dated before the first seal and covered by none. */
        BEFORE_GENESIS,
        /** An item dated in an hour that has not begun. */
        IN_FUTURE,
        /** The recorded decision does not follow from the recorded figures and thresholds. */
        DECISION_DOES_NOT_FOLLOW,
        /** The image version still stored hashes to something other than what was judged. */
        IMAGE_CHANGED
    }
}
