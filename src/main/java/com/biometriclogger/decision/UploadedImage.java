package com.biometriclogger.decision;

import com.biometriclogger.util.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * One object-created notification: which exact object version triggered it.
 *
 * @param key       the object key, already URL-decoded (as stored in S3)
 * @param versionId null when the bucket is not versioned
 * @param sequencer S3's ordering token; distinguishes overwrites of an unversioned key
 */
public record UploadedImage(
        String eventName,
        String bucket,
        String key,
        String versionId,
        String eTag,
        long size,
        String sequencer) {

    public boolean isVersioned() {
        return versionId != null && !versionId.isEmpty() && !"null".equals(versionId);
    }

    /**
     * The identity of this upload, used as the audit table's partition key so a redelivered event
     * can never write a second item. A hash of length-prefixed parts: fixed length whatever the key
     * (S3 keys reach 1,024 bytes) and no delimiter a key could forge.
     */
    public String idempotencyKey() {
        var digest = Sha256.newDigest();
        update(digest, bucket);
        update(digest, key);
        if (isVersioned()) {
            update(digest, "version");
            update(digest, versionId);
        } else {
            update(digest, "etag+sequencer");
            update(digest, eTag);
            update(digest, sequencer);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String part) {
        byte[] bytes = (part == null ? "" : part).getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }
}
