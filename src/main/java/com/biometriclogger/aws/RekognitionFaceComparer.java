package com.biometriclogger.aws;

import com.biometriclogger.decision.DeploymentFaultException;
import com.biometriclogger.decision.EnrolledReference;
import com.biometriclogger.decision.FaceComparer;
import com.biometriclogger.decision.ImageContent;
import com.biometriclogger.decision.ObjectVersion;
import com.biometriclogger.decision.ReasonCode;
import com.biometriclogger.decision.UnjudgeableImageException;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.AccessDeniedException;
import software.amazon.awssdk.services.rekognition.model.CompareFacesMatch;
import software.amazon.awssdk.services.rekognition.model.InvalidParameterException;
import software.amazon.awssdk.services.rekognition.model.InvalidS3ObjectException;
import software.amazon.awssdk.services.rekognition.model.QualityFilter;

/**
 * Rekognition CompareFaces: the reference as an S3 object pinned to its enrolled version (versions
 * are immutable, so it is the very image hashed at enrolment), the upload as the hashed bytes.
 *
 * <p>The similarity threshold is sent as 0 so the service reports the similarity of every target
 * face, and the threshold is applied by {@code IdentityMatcher}: the audit item then records the
 * best similarity even for a non-match. QualityFilter AUTO lets the service drop faces too poor to
 * compare, on top of our own quality policy.
 */
public final class RekognitionFaceComparer implements FaceComparer {

    private final RekognitionClient rekognition;

    public RekognitionFaceComparer(RekognitionClient rekognition) {
        this.rekognition = rekognition;
    }

    @Override
    public List<Float> similarities(EnrolledReference reference, ObjectVersion upload, ImageContent content) {
        try {
            return rekognition.compareFaces(b -> b
                            .sourceImage(RekognitionImages.stored(reference.object()))
                            .targetImage(RekognitionImages.of(upload, content))
                            .similarityThreshold(0f)
                            .qualityFilter(QualityFilter.AUTO))
                    .faceMatches().stream()
                    .map(CompareFacesMatch::similarity)
                    .sorted(Comparator.reverseOrder())
                    .toList();
        } catch (InvalidParameterException e) {
            throw new UnjudgeableImageException(ReasonCode.REFERENCE_UNUSABLE,
                    "the enrolled reference has no usable face: " + e.getMessage(), e);
        } catch (InvalidS3ObjectException e) {
            throw new UnjudgeableImageException(ReasonCode.REFERENCE_GONE,
                    "the enrolled reference version is gone: " + e.getMessage(), e);
        } catch (AccessDeniedException e) {
            throw new DeploymentFaultException("Rekognition AccessDenied: the role needs rekognition:CompareFaces", e);
        }
    }
}
