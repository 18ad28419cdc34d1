package com.biometriclogger.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.biometriclogger.decision.ObjectVersion;
import com.biometriclogger.decision.UploadedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3EventUploadsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "uploads/red+flower.jpg | uploads/red flower.jpg",
            "uploads/a%2Bb.jpg | uploads/a+b.jpg",
            "uploads/%E2%9C%93.jpg | uploads/✓.jpg",
            "uploads/100%25.jpg | uploads/100%.jpg",
            "uploads/M%C3%BCller.png | uploads/Müller.png"})
    void keysAreUrlDecodedAsS3EncodedThem(String encoded, String decoded) {
        var event = EventLoader.loadS3Event("events/single-upload.json");
        var original = event.getRecords().get(0);
        var object = original.getS3().getObject();
        var reKeyed = new com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity(
                encoded, object.getSizeAsLong(), object.geteTag(), object.getVersionId(), object.getSequencer());
        var s3 = new com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity(
                original.getS3().getConfigurationId(), original.getS3().getBucket(), reKeyed, "1.0");
        var record = new com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord(
                original.getAwsRegion(), original.getEventName(), original.getEventSource(), null,
                original.getEventVersion(), null, null, s3, null);

        assertEquals(decoded, S3EventUploads.from(record).key());
    }

    @Test
    void everyObjectFieldOfTheEventIsCarried() {
        var upload = S3EventUploads.from(EventLoader.loadS3Event("events/single-upload.json")).get(0);

        assertEquals(new UploadedImage("ObjectCreated:Put", new ObjectVersion("biometric-logger-uploads-123456789012",
                "uploads/alice/selfie.jpg", "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY", "0f343b0931126a20f133d67c2b018a3b"),
                48213, "0055AED6DCD90281E5"), upload);
    }

    @Test
    void aTestEventHasNoUploads() {
        assertEquals(List.of(), S3EventUploads.from(EventLoader.loadS3Event("events/s3-test-event.json")));
        assertEquals(List.of(), S3EventUploads.from(new S3Event()));
    }
}
