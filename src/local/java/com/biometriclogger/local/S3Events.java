package com.biometriclogger.local;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3BucketEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.UserIdentityEntity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * S3 event notifications built the way S3 sends them: the key URL-encoded ("+" for a space,
 * UTF-8 percent-escapes), with the version id, eTag, size and sequencer of the stored object.
 * The local stand-in for S3 sends no notifications, so the local stack makes them here.
 */
public final class S3Events {

    private S3Events() {
    }

    /** The notification S3 would send for a PutObject of {@code size} bytes that returned {@code put}. */
    public static S3EventNotificationRecord objectCreated(String region, String bucket, String key, long size,
                                                           PutObjectResponse put, long sequence) {
        return objectCreated(region, bucket, key, size, put.eTag(), put.versionId(), sequence);
    }

    /** The same, for a version found by listing the bucket. */
    public static S3EventNotificationRecord objectCreated(String region, String bucket, String key, long size,
                                                           String eTag, String versionId, long sequence) {
        var object = new S3ObjectEntity(encodeKey(key), size, unquote(eTag), versionId, String.format("%016X", sequence));
        return record(region, "ObjectCreated:Put", bucket, object);
    }

    /**
     * A record from an {@code events/} file with its object fields replaced by the real ones of a
     * stored version; everything else (event name, bucket, key as encoded in the file) is kept.
     */
    public static S3EventNotificationRecord pinnedTo(S3EventNotificationRecord record, long size, PutObjectResponse put,
                                                     long sequence) {
        var object = new S3ObjectEntity(record.getS3().getObject().getKey(), size, unquote(put.eTag()),
                put.versionId(), String.format("%016X", sequence));
        return record(record.getAwsRegion(), record.getEventName(), record.getS3().getBucket().getName(), object);
    }

    /** The record as if sent for the same object in {@code bucket} (a sample event pointed at the local bucket). */
    public static S3EventNotificationRecord inBucket(S3EventNotificationRecord record, String bucket) {
        if (record.getS3() == null) {
            return record;
        }
        return record(record.getAwsRegion(), record.getEventName(), bucket, record.getS3().getObject());
    }

    public static S3Event event(List<S3EventNotificationRecord> records) {
        return new S3Event(records);
    }

    public static S3Event event(S3EventNotificationRecord... records) {
        return new S3Event(Stream.of(records).toList());
    }

    /** S3 encodes keys form-style in notifications but leaves the "/" separators readable. */
    public static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    private static S3EventNotificationRecord record(String region, String eventName, String bucket,
                                                    S3ObjectEntity object) {
        var owner = new UserIdentityEntity("LOCAL");
        var s3 = new S3Entity("uploads-notification", new S3BucketEntity(bucket, owner, "arn:aws:s3:::" + bucket),
                object, "1.0");
        return new S3EventNotificationRecord(region, eventName, "aws:s3", java.time.Instant.now().toString(), "2.1",
                null, null, s3, owner);
    }

    private static String unquote(String eTag) {
        return eTag == null ? null : eTag.replace("\"", "");
    }
}
