package com.biometriclogger.aws;

import com.biometriclogger.decision.DeploymentFaultException;
import com.biometriclogger.decision.DetectedFace;
import com.biometriclogger.decision.FaceAnalysis;
import com.biometriclogger.decision.FaceAnalyzer;
import com.biometriclogger.decision.FaceBox;
import com.biometriclogger.decision.ImageContent;
import com.biometriclogger.decision.ObjectVersion;
import com.biometriclogger.decision.ReasonCode;
import com.biometriclogger.decision.UnjudgeableImageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.AccessDeniedException;
import software.amazon.awssdk.services.rekognition.model.Attribute;
import software.amazon.awssdk.services.rekognition.model.BoundingBox;
import software.amazon.awssdk.services.rekognition.model.DetectFacesRequest;
import software.amazon.awssdk.services.rekognition.model.FaceDetail;
import software.amazon.awssdk.services.rekognition.model.ImageTooLargeException;
import software.amazon.awssdk.services.rekognition.model.InvalidImageFormatException;
import software.amazon.awssdk.services.rekognition.model.InvalidParameterException;
import software.amazon.awssdk.services.rekognition.model.InvalidS3ObjectException;

/**
 * Rekognition DetectFaces. The image goes inline, as the very bytes that were hashed, whenever it
 * fits (5 MB), so the decision provably concerns the hashed image; larger ones go as an S3 reference
 * pinned to the same version.
 *
 * <p>Errors that say the image itself can never be analysed become {@link UnjudgeableImageException};
 * everything else (throttling, 5xx, timeouts, access denied) propagates after the client's retries.
 */
public final class RekognitionFaceAnalyzer implements FaceAnalyzer {

    private final RekognitionClient rekognition;

    public RekognitionFaceAnalyzer(RekognitionClient rekognition) {
        this.rekognition = rekognition;
    }

    @Override
    public FaceAnalysis analyze(ObjectVersion image, ImageContent content, Set<FaceAttribute> wanted) {
        var request = DetectFacesRequest.builder()
                .image(RekognitionImages.of(image, content))
                .attributes(attributes(wanted))
                .build();
        try {
            return new FaceAnalysis(rekognition.detectFaces(request).faceDetails().stream()
                    .map(RekognitionFaceAnalyzer::toDetectedFace)
                    .toList());
        } catch (InvalidImageFormatException e) {
            throw new UnjudgeableImageException(ReasonCode.INVALID_IMAGE_FORMAT, e.getMessage(), e);
        } catch (ImageTooLargeException e) {
            throw new UnjudgeableImageException(ReasonCode.TOO_LARGE, e.getMessage(), e);
        } catch (InvalidParameterException e) {
            throw new UnjudgeableImageException(ReasonCode.INVALID_IMAGE, e.getMessage(), e);
        } catch (InvalidS3ObjectException e) {
            throw new UnjudgeableImageException(ReasonCode.OBJECT_GONE, e.getMessage(), e);
        } catch (AccessDeniedException e) {
            throw new DeploymentFaultException("Rekognition AccessDenied: the role needs rekognition:DetectFaces", e);
        }
    }


    /** DEFAULT carries confidence, pose and quality; the rest only when the policy checks them. */
    private static List<Attribute> attributes(Set<FaceAttribute> wanted) {
        List<Attribute> attributes = new ArrayList<>();
        attributes.add(Attribute.DEFAULT);
        if (wanted.contains(FaceAttribute.EYES_OPEN)) {
            attributes.add(Attribute.EYES_OPEN);
        }
        if (wanted.contains(FaceAttribute.SUNGLASSES)) {
            attributes.add(Attribute.SUNGLASSES);
        }
        return attributes;
    }

    private static DetectedFace toDetectedFace(FaceDetail face) {
        var pose = face.pose();
        var quality = face.quality();
        return new DetectedFace(
                face.confidence() == null ? 0f : face.confidence(),
                pose == null ? null : pose.yaw(),
                pose == null ? null : pose.pitch(),
                pose == null ? null : pose.roll(),
                quality == null ? null : quality.brightness(),
                quality == null ? null : quality.sharpness(),
                face.eyesOpen() == null ? null : face.eyesOpen().value(),
                face.sunglasses() == null ? null : face.sunglasses().value(),
                box(face.boundingBox()));
    }

    private static @Nullable FaceBox box(@Nullable BoundingBox box) {
        return box == null || box.left() == null || box.top() == null || box.width() == null || box.height() == null
                ? null : new FaceBox(box.left(), box.top(), box.width(), box.height());
    }
}
