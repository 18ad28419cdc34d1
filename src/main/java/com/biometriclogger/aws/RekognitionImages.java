package com.biometriclogger.aws;

import com.biometriclogger.decision.ImageContent;
import com.biometriclogger.decision.ObjectVersion;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.rekognition.model.Image;
import software.amazon.awssdk.services.rekognition.model.S3Object;

/** How an upload is handed to Rekognition: the hashed bytes when they fit, else its pinned S3 version. */
final class RekognitionImages {

    private RekognitionImages() {
    }

    static Image of(ObjectVersion image, ImageContent content) {
        return content.bytes().map(bytes -> Image.builder().bytes(SdkBytes.fromByteArrayUnsafe(bytes)).build())
                .orElseGet(() -> stored(image));
    }

    /** The image as S3 stores it, pinned to its version where the bucket keeps versions. */
    static Image stored(ObjectVersion image) {
        var object = S3Object.builder().bucket(image.bucket()).name(image.key());
        if (image.isVersioned()) {
            object.version(image.versionId());
        }
        return Image.builder().s3Object(object.build()).build();
    }
}
