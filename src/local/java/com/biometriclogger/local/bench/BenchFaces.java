package com.biometriclogger.local.bench;

import com.biometriclogger.local.facebackend.DecodedImage;
import com.biometriclogger.local.facebackend.FaceDetectionBackend;
import com.biometriclogger.local.facebackend.FixedFaceBackend;
import com.biometriclogger.local.facebackend.RekognitionError;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The benchmark's Rekognition: the fixed face for DetectFaces and a fixed match for CompareFaces,
 * so a training run can take the 1:1 path (VERIFY mode) without a face-embedding model. Figures
 * only; nothing here judges a face.
 */
final class BenchFaces implements FaceDetectionBackend {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FixedFaceBackend detect = new FixedFaceBackend();

    @Override
    public ObjectNode detectFaces(DecodedImage image, List<String> attributes) throws RekognitionError {
        return detect.detectFaces(image, attributes);
    }

    @Override
    public ObjectNode compareFaces(DecodedImage source, DecodedImage target, float similarityThreshold) {
        var response = JSON.createObjectNode();
        response.putObject("SourceImageFace").put("Confidence", 99.9)
                .putObject("BoundingBox").put("Width", 0.4).put("Height", 0.5).put("Left", 0.3).put("Top", 0.2);
        var match = response.putArray("FaceMatches").addObject();
        match.put("Similarity", 99.1);
        match.putObject("Face").put("Confidence", 99.9)
                .putObject("BoundingBox").put("Width", 0.4).put("Height", 0.5).put("Left", 0.3).put("Top", 0.2);
        response.putArray("UnmatchedFaces");
        return response;
    }
}
