package com.biometriclogger.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What answers DetectFaces behind the local endpoint: recorded responses, or a real detector. */
public interface FaceDetectionBackend {

    /**
     * @param image      the decoded image bytes (already fetched when the request named an S3 object)
     * @param attributes the request's {@code Attributes}
     * @return the response body, in DetectFaces' JSON shape
     */
    ObjectNode detectFaces(byte[] image, List<String> attributes) throws RekognitionError;

    /**
     * Answers CompareFaces. No face-embedding model with a licence that allows shipping it could be
     * run here, so by default the local endpoint says so, clearly, instead of inventing a similarity.
     *
     * @return the response body, in CompareFaces' JSON shape
     */
    default ObjectNode compareFaces(byte[] source, byte[] target, float similarityThreshold) throws RekognitionError {
        throw new RekognitionError(400, "UnsupportedOperationException", "CompareFaces is not available offline: "
                + "no face-embedding model is bundled; run the local stack with VERIFICATION_MODE=DETECT_ONLY");
    }
}
