package com.biometriclogger.local.stack;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3BucketEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.UserIdentityEntity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The event as the Lambda runtime hands it to the function: the notification's JSON, read as
     * maps, lists, strings and numbers, with the field names S3 sends (fields the record lacks, such
     * as the version id of an unversioned bucket's object, are absent, as in S3's JSON).
     */
    public static Map<String, Object> delivered(S3Event event) {
        return Map.of("Records", event.getRecords().stream().map(S3Events::delivered).toList());
    }

    private static Map<String, Object> delivered(S3EventNotificationRecord record) {
        Map<String, Object> s3 = new LinkedHashMap<>();
        s3.put("s3SchemaVersion", record.getS3().getS3SchemaVersion());
        s3.put("configurationId", record.getS3().getConfigurationId());
        var bucket = record.getS3().getBucket();
        s3.put("bucket", withoutNulls("name", bucket.getName(), "ownerIdentity",
                bucket.getOwnerIdentity() == null ? null : Map.of("principalId", bucket.getOwnerIdentity().getPrincipalId()),
                "arn", bucket.getArn()));
        var object = record.getS3().getObject();
        s3.put("object", withoutNulls("key", object.getKey(), "size", object.getSizeAsLong(), "eTag", object.geteTag(),
                "versionId", object.getVersionId(), "sequencer", object.getSequencer()));
        return withoutNulls("eventVersion", record.getEventVersion(), "eventSource", record.getEventSource(),
                "awsRegion", record.getAwsRegion(), "eventTime", java.time.Instant.now().toString(),
                "eventName", record.getEventName(),
                "userIdentity", record.getUserIdentity() == null ? null : Map.of("principalId", record.getUserIdentity().getPrincipalId()),
                "s3", s3);
    }

    private static Map<String, Object> withoutNulls(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                map.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return map;
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
