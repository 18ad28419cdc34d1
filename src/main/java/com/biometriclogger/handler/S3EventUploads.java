package com.biometriclogger.handler;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.biometriclogger.decision.ObjectVersion;
import com.biometriclogger.decision.UploadedImage;
import java.util.List;

/** Turns S3 notification records into domain uploads. */
final class S3EventUploads {

    private S3EventUploads() {
    }

    /** An {@code s3:TestEvent} (sent when notifications are configured) has no records: empty list. */
    static List<UploadedImage> from(S3Event event) {
        if (event == null || event.getRecords() == null) {
            return List.of();
        }
        var records = event.getRecords();
        return java.util.stream.IntStream.range(0, records.size()).mapToObj(i -> from(records.get(i), i)).toList();
    }

    static UploadedImage from(S3EventNotificationRecord record) {
        return from(record, 0);
    }

    /**
     * @throws MalformedEventException naming the record and the missing field: such an event is
     *                                 not from S3, and no retry will mend it
     */
    private static UploadedImage from(S3EventNotificationRecord record, int index) {
        if (record == null || record.getS3() == null) {
            throw new MalformedEventException("record " + index + " has no s3 section");
        }
        if (record.getS3().getBucket() == null || record.getS3().getBucket().getName() == null
                || record.getS3().getBucket().getName().isEmpty()) {
            throw new MalformedEventException("record " + index + " has no s3.bucket.name");
        }
        var object = record.getS3().getObject();
        if (object == null || object.getKey() == null || object.getKey().isEmpty()) {
            throw new MalformedEventException("record " + index + " has no s3.object.key");
        }
        return new UploadedImage(
                record.getEventName(),
                // S3 URL-encodes keys in events ("+" for a space, %E2%9C%93 for UTF-8).
                new ObjectVersion(record.getS3().getBucket().getName(), object.getUrlDecodedKey(),
                        object.getVersionId(), object.geteTag()),
                object.getSizeAsLong() == null ? 0 : object.getSizeAsLong(),
                object.getSequencer());
    }
}
