package com.biometriclogger.decision;

import java.util.Set;

/** Finds faces in an image (Rekognition DetectFaces in production). */
public interface FaceAnalyzer {

    /**
     * @param wanted the optional attributes the policy needs beyond confidence, pose and quality
     * @throws UnjudgeableImageException when the detector says the image itself can never be analysed
     */
    FaceAnalysis analyze(ObjectVersion image, ImageContent content, Set<FaceAttribute> wanted);

    enum FaceAttribute { EYES_OPEN, SUNGLASSES }
}
