package com.biometriclogger.decision;

import java.util.List;

/** Compares the face of an enrolled reference with the faces of an upload (Rekognition CompareFaces). */
public interface FaceComparer {

    /**
     * @return the similarity (0–100) of every face found in the upload, best first
     * @throws UnjudgeableImageException when the comparison can never succeed (reference gone or unusable)
     */
    List<Float> similarities(EnrolledReference reference, ObjectVersion upload, ImageContent content);
}
