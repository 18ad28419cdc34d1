package com.biometriclogger.decision;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every face the detector found in one image. */
public record FaceAnalysis(List<DetectedFace> faces) {

    public FaceAnalysis {
        faces = List.copyOf(faces);
    }

    public int faceCount() {
        return faces.size();
    }

    /** The face the policy judges: the one the detector is most sure of. */
    public Optional<DetectedFace> primaryFace() {
        return faces.stream().max(Comparator.comparingDouble(DetectedFace::confidence));
    }
}
