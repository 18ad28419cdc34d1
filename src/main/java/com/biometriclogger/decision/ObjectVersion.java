package com.biometriclogger.decision;

import com.biometriclogger.util.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * One exact state of an S3 object: in a versioned bucket its version id, in an unversioned one its
 * eTag (the only thing S3 answers that tells two states of a key apart). Whoever names an object —
 * an upload event, a HEAD of the current reference, {@code verify} re-reading an image — gets the
 * same attempt id for the same state.
 *
 * @param versionId empty when the bucket is not versioned (S3 events omit it; S3 itself says "null")
 * @param eTag      without the quotes HEAD and GET put around it (events carry it bare)
 */
public record ObjectVersion(String bucket, String key, String versionId, String eTag) {

    public ObjectVersion {
        versionId = versionId == null || "null".equals(versionId) ? "" : versionId;
        eTag = eTag == null ? "" : eTag.replace("\"", "");
    }

    public boolean isVersioned() {
        return !versionId.isEmpty();
    }

    /**
     * The audit table's partition key, so a redelivered event can never write a second item. A hash
     * of length-prefixed parts: fixed length whatever the key (S3 keys reach 1,024 bytes) and no
     * delimiter a key could forge.
     *
     * <p>In an unversioned bucket it is the eTag: identical bytes uploaded again under the same key
     * are the same object state and are recorded once. The event's sequencer is not part of it,
     * because nothing but the event knows it (a HEAD of an enrolled reference could not find its
     * enrolment, nor {@code verify} its image).
     */
    public String attemptId() {
        var digest = Sha256.newDigest();
        update(digest, bucket);
        update(digest, key);
        if (isVersioned()) {
            update(digest, "version");
            update(digest, versionId);
        } else {
            update(digest, "etag");
            update(digest, eTag);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** For messages: the version id, or the eTag in an unversioned bucket. */
    public String describe() {
        return isVersioned() ? "version " + versionId : "eTag " + eTag;
    }

    private static void update(MessageDigest digest, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }
}
