package com.biometriclogger.local.stack;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Stands in for S3 event notifications, which the local S3 server does not send: lists the
 * bucket and returns a notification for each object version it has not seen yet (in an
 * unversioned bucket, each new eTag and modification time of a key). An upload still being written
 * is not one yet: S3Proxy's on-disk store (jclouds' filesystem blob store) writes it as
 * {@code <key>-<random UUID>} and renames it when complete, and that name shows in listings meanwhile.
 */
public final class UploadWatcher {

    private static final Pattern BEING_WRITTEN = Pattern.compile(
            ".-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final boolean versioned;
    private final Set<String> seen = new HashSet<>();
    private final AtomicLong sequencer = new AtomicLong(System.currentTimeMillis() << 8);

    public UploadWatcher(S3Client s3, String bucket, String prefix, boolean versioned) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.versioned = versioned;
    }

    /** Notifications for completed versions created since the last call (the first: everything in the bucket). */
    public List<S3EventNotificationRecord> newUploads() {
        List<S3EventNotificationRecord> records = new ArrayList<>();
        if (versioned) {
            for (ObjectVersion version : s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(prefix)).versions()) {
                if (!beingWritten(version.key()) && seen.add(version.key() + "\u0000" + version.versionId())) {
                    records.add(S3Events.objectCreated(LocalStack.REGION, bucket, version.key(), version.size(),
                            version.eTag(), version.versionId(), sequencer.incrementAndGet()));
                }
            }
        } else {
            for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
                if (!beingWritten(object.key()) && seen.add(object.key() + "\u0000" + object.eTag() + "\u0000" + object.lastModified())) {
                    records.add(S3Events.objectCreated(LocalStack.REGION, bucket, object.key(), object.size(),
                            object.eTag(), null, sequencer.incrementAndGet()));
                }
            }
        }
        return records;
    }

    /** The store's temporary name for an upload in progress: {@code references/me.jpg-<UUID>}. */
    static boolean beingWritten(String key) {
        return BEING_WRITTEN.matcher(key).find();
    }
}
