package com.biometriclogger.local.facebackend;

import com.biometriclogger.util.Sha256;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One clear, frontal, well-lit face for every image, whatever it shows: for the soak and the
 * benchmarks, which measure delivery and overhead, not detection, and want the service's cost to
 * be the same for every caller. Chosen images can be throttled for their first calls. Its face is
 * also what {@link #comparison} answers CompareFaces with, at a similarity chosen by the caller.
 */
public final class FixedFaceBackend implements FaceDetectionBackend {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectNode FACE = face();

    private final Map<String, AtomicInteger> throttled = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
    private final AtomicInteger injected = new AtomicInteger();
    private final boolean counting;

    public FixedFaceBackend() {
        this(false);
    }

    private FixedFaceBackend(boolean counting) {
        this.counting = counting;
    }

    /** One that also counts its answers per image ({@link #answered}), at the cost of hashing each. */
    public static FixedFaceBackend countingAnswers() {
        return new FixedFaceBackend(true);
    }

    /** The first {@code calls} DetectFaces on these bytes answer ThrottlingException. */
    public void throttleFirst(String sha256, int calls) {
        throttled.put(sha256, new AtomicInteger(calls));
    }

    public int faultsInjected() {
        return injected.get();
    }

    /** How many DetectFaces on exactly these bytes were answered with faces (faults not counted). */
    public int answered(String sha256) {
        return answered.getOrDefault(sha256, new AtomicInteger()).get();
    }

    /** CompareFaces' answer: this backend's face in the source and in the target, at {@code similarity}. */
    public static ObjectNode comparison(float similarity, float similarityThreshold) {
        var response = JSON.createObjectNode();
        var source = response.putObject("SourceImageFace");
        source.set("BoundingBox", FACE.get("BoundingBox").deepCopy());
        source.put("Confidence", FACE.get("Confidence").floatValue());
        var matches = response.putArray("FaceMatches");
        var unmatched = response.putArray("UnmatchedFaces");
        if (similarity >= similarityThreshold) {
            matches.addObject().put("Similarity", similarity).set("Face", FACE.deepCopy());
        } else {
            unmatched.add(FACE.deepCopy());
        }
        return response;
    }

    @Override
    public ObjectNode detectFaces(DecodedImage image, List<String> attributes) throws RekognitionError {
        String sha256 = counting || !throttled.isEmpty() ? Sha256.hex(image.bytes()) : null;
        var remaining = sha256 == null ? null : throttled.get(sha256);
        if (remaining != null && remaining.getAndDecrement() > 0) {
            injected.incrementAndGet();
            throw RekognitionError.throttling();
        }
        if (counting) {
            answered.computeIfAbsent(sha256, k -> new AtomicInteger()).incrementAndGet();
        }
        var response = JSON.createObjectNode();
        response.putArray("FaceDetails").add(FACE.deepCopy());
        return response;
    }

    private static ObjectNode face() {
        var face = JSON.createObjectNode();
        face.putObject("BoundingBox").put("Width", 0.4).put("Height", 0.5).put("Left", 0.3).put("Top", 0.2);
        face.put("Confidence", 99.87);
        face.putObject("Pose").put("Roll", 1.0).put("Yaw", -2.0).put("Pitch", 3.0);
        face.putObject("Quality").put("Brightness", 80.0).put("Sharpness", 90.0);
        face.putObject("EyesOpen").put("Value", true).put("Confidence", 99.1);
        face.putObject("Sunglasses").put("Value", false).put("Confidence", 99.3);
        return face;
    }
}
