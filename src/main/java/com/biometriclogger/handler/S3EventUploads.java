package com.biometriclogger.handler;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.biometriclogger.verify.UploadedImage;
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
        return event.getRecords().stream().map(S3EventUploads::from).toList();
    }

    static UploadedImage from(S3EventNotificationRecord record) {
        var object = record.getS3().getObject();
        return new UploadedImage(
                record.getEventName(),
                record.getS3().getBucket().getName(),
                // S3 URL-encodes keys in events ("+" for a space, %E2%9C%93 for UTF-8).
                object.getUrlDecodedKey(),
                object.getVersionId(),
                object.geteTag(),
                object.getSizeAsLong() == null ? 0 : object.getSizeAsLong(),
                object.getSequencer());
    }
}
