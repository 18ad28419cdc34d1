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
}
