package com.biometriclogger.decision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** Every face the detector found in one image. */
public record FaceAnalysis(List<DetectedFace> faces) {

    public FaceAnalysis {
        faces = List.copyOf(faces);
    }

    public int faceCount() {
        return faces.size();
    }

    /** The face the policy judges: the one the detector is most sure of (the first of equals). */
    public Optional<DetectedFace> primaryFace() {
        return primaryIndex().map(faces::get);
    }

    /** Every face, the judged one ({@link #primaryFace}) first, the others in the detector's order. */
    public List<DetectedFace> judgedFirst() {
        var ordered = new ArrayList<>(faces);
        primaryIndex().ifPresent(judged -> ordered.add(0, ordered.remove((int) judged)));
        return ordered;
    }

    private Optional<Integer> primaryIndex() {
        return IntStream.range(0, faces.size()).boxed()
                .max(Comparator.comparingDouble((Integer i) -> faces.get(i).confidence()));
    }
}
