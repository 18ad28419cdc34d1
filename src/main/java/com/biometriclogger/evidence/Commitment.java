package com.biometriclogger.evidence;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.ErasureRecord;
import com.biometriclogger.decision.ReviewRecord;
import com.biometriclogger.util.FlatJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A decision's (or erasure or review record's) anchor, written create-only into the Object Lock archive the
 * moment the item is stored: its attempt id, the SHA-256 of its canonical form (the digest its
 * hour's seal will hold, {@link CanonicalForm#digest}) and the instant it is dated. Nothing personal:
 * no subject id, no object key. Stored at {@code <prefix><hour>/<attempt id>.json}, so verify lists
 * one hour at a time and a rewrite or deletion made before the hour is sealed is named.
 *
 * @param period the hour the item is filed under ({@code sealPeriod}), the key's folder
 */
public record Commitment(String attemptId, String sha256, String datedAt, SealPeriod period) {

    /** The write-once store of commitments. */
    public interface Archive {
        /**
         * Writes the commitment unless its key exists (If-None-Match): a retried delivery, or a
         * second container, finds it there and changes nothing.
         */
        void commitOnce(Commitment commitment);
    }

    /** What the function names attempts ({@code ObjectVersion.attemptId()}), and erase and review name their records. */
    private static final Pattern ID = Pattern.compile("(" + ErasureRecord.ID_PREFIX + "|" + ReviewRecord.ID_PREFIX
            + ")?[0-9a-f]{64}");
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final String SUFFIX = ".json";

    public Commitment {
        if (!ID.matcher(attemptId).matches()) {
            throw new IllegalArgumentException("a commitment's attempt id is 64 lowercase hex digits (or "
                    + ErasureRecord.ID_PREFIX + " or " + ReviewRecord.ID_PREFIX + " and those), got '" + attemptId + "'");
        }
        if (!DIGEST.matcher(sha256).matches()) {
            throw new IllegalArgumentException("a commitment's sha256 is 64 lowercase hex digits, got '" + sha256 + "'");
        }
    }

    /** The commitment to an item exactly as stored (signed, filed under its hour). */
    public static Commitment of(Map<String, String> stored) {
        return new Commitment(stored.getOrDefault(AuditAttribute.ATTEMPT_ID.stored(), ""), CanonicalForm.digest(stored),
                ErasureRecord.datedAt(stored), SealPeriod.parse(stored.get(AuditAttribute.SEAL_PERIOD.stored())));
    }

    /**
     * A commitment as archived, checked against the key it is stored under.
     *
     * @throws IllegalArgumentException when the key or the content is not a commitment, or they disagree
     */
    public static Commitment read(String relativeKey, String content) {
        int slash = relativeKey.indexOf('/');
        if (slash < 0 || !relativeKey.endsWith(SUFFIX)) {
            throw new IllegalArgumentException("not <hour>/<attempt id>" + SUFFIX);
        }
        var period = SealPeriod.parse(relativeKey.substring(0, slash));
        String id = relativeKey.substring(slash + 1, relativeKey.length() - SUFFIX.length());
        var fields = FlatJson.parse(content);
        var commitment = new Commitment(fields.getOrDefault(Field.ATTEMPT_ID, ""), fields.getOrDefault(Field.SHA256, ""),
                fields.getOrDefault(Field.DATED_AT, ""), period);
        if (!commitment.attemptId().equals(id) || fields.size() != 3) {
            throw new IllegalArgumentException("holds " + content.strip() + ", not the commitment of " + id);
        }
        return commitment;
    }

    /** Where it is stored, below the archive's prefix. */
    public String relativeKey() {
        return period + "/" + attemptId + SUFFIX;
    }

    /** The archived content: one canonical JSON line. */
    public byte[] content() {
        return (CanonicalForm.json(Map.of(Field.ATTEMPT_ID, attemptId, Field.SHA256, sha256, Field.DATED_AT, datedAt))
                + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The names of its fields as archived. */
    private static final class Field {
        static final String ATTEMPT_ID = "attemptId";
        static final String SHA256 = "sha256";
        static final String DATED_AT = "datedAt";
    }
}
