package com.biometriclogger.local.bench;

import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.local.stack.S3Events;
import software.amazon.awssdk.core.sync.RequestBody;

/** Puts "photos" in the benchmark's bucket and writes the S3 notification Lambda would get for each. */
final class BenchUploads {

    private final LocalStack stack;
    private final String bucket;
    /** Noise at this side encodes to about 48 KB, the size the benchmark's figures have always been measured with. */
    private static final int PHOTO_SIDE = 280;

    private long seed = 7;
    private int uploads;

    BenchUploads(LocalStack stack, String bucket) {
        this.stack = stack;
        this.bucket = bucket;
    }

    /** A new upload under {@code uploads/bench/}, as its event JSON. */
    String upload() {
        return event("uploads/bench/" + (uploads + 1) + ".jpg", image());
    }

    /** The subject's reference photo, under {@code references/} (an enrolment in VERIFY mode). */
    String reference() {
        return event("references/bench.jpg", image());
    }

    /** An upload that is not an image (text), for the rejection path. */
    String notAnImage() {
        return event("uploads/bench/" + (uploads + 1) + ".txt", "not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A real JPEG (the local endpoint decodes what it is sent, as the service does) of about 48 KB, a new one each time. */
    byte[] image() {
        return TestImages.jpeg(seed++, PHOTO_SIDE);
    }

    private String event(String key, byte[] content) {
        var put = stack.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
        var object = S3Events.objectCreated(LocalStack.REGION, bucket, key, content.length, put, ++uploads).getS3().getObject();
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"%s","eventTime":"2026-11-24T08:14:03.512Z",\
                "eventName":"ObjectCreated:Put","userIdentity":{"principalId":"AWS:BENCH"},"requestParameters":{"sourceIPAddress":"127.0.0.1"},\
                "responseElements":{"x-amz-request-id":"BENCH","x-amz-id-2":"BENCH"},"s3":{"s3SchemaVersion":"1.0","configurationId":"bench",\
                "bucket":{"name":"%s","ownerIdentity":{"principalId":"BENCH"},"arn":"arn:aws:s3:::%s"},\
                "object":{"key":"%s","size":%d,"eTag":"%s","versionId":"%s","sequencer":"%s"}}}]}"""
                .formatted(LocalStack.REGION, bucket, bucket, object.getKey(), object.getSizeAsLong(), object.geteTag(),
                        object.getVersionId(), object.getSequencer());
    }
}
