package com.biometriclogger.local.facebackend;

import com.biometriclogger.util.Sha256;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers as its backend does, except CompareFaces of chosen reference and upload bytes, which
 * {@link FixedFaceBackend#comparison} answers at a chosen similarity: how the demo shows a figure
 * the bundled model never gives for its samples (every transformed copy of a photo matches it at
 * about 100, every other face scores about 0), and says so.
 */
public final class FixedComparisons implements FaceDetectionBackend {

    private final FaceDetectionBackend backend;
    private final Map<String, Float> similarities = new ConcurrentHashMap<>();

    public FixedComparisons(FaceDetectionBackend backend) {
        this.backend = backend;
    }

    /** CompareFaces of exactly this reference with exactly this upload answers {@code similarity}. */
    public void answer(byte[] reference, byte[] upload, float similarity) {
        similarities.put(Sha256.hex(reference) + Sha256.hex(upload), similarity);
    }

    @Override
    public ObjectNode detectFaces(DecodedImage image, List<String> attributes) throws RekognitionError {
        return backend.detectFaces(image, attributes);
    }

    @Override
    public ObjectNode compareFaces(DecodedImage source, DecodedImage target, float similarityThreshold) throws RekognitionError {
        Float fixed = similarities.get(Sha256.hex(source.bytes()) + Sha256.hex(target.bytes()));
        return fixed == null ? backend.compareFaces(source, target, similarityThreshold)
                : FixedFaceBackend.comparison(fixed, similarityThreshold);
    }
}
