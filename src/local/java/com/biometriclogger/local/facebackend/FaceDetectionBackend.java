package com.biometriclogger.local.facebackend;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What answers DetectFaces and CompareFaces behind the local endpoint: recorded responses, or real
 * models. The endpoint has refused what the service refuses before a backend is asked, so every
 * image given here decoded completely.
 */
public interface FaceDetectionBackend {

    /**
     * @param image      the image (already fetched when the request named an S3 object)
     * @param attributes the request's {@code Attributes}
     * @return the response body, in DetectFaces' JSON shape
     */
    ObjectNode detectFaces(DecodedImage image, List<String> attributes) throws RekognitionError;

    /**
     * Answers CompareFaces. A backend without a face-embedding model says so, clearly, instead of
     * inventing a similarity.
     *
     * @return the response body, in CompareFaces' JSON shape
     */
    default ObjectNode compareFaces(DecodedImage source, DecodedImage target, float similarityThreshold) throws RekognitionError {
        throw new RekognitionError(400, "UnsupportedOperationException", "CompareFaces is not answered by "
                + getClass().getSimpleName() + ": the local stack's ModelFaceBackend compares faces");
    }
}
