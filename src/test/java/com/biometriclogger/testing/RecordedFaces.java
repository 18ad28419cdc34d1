package com.biometriclogger.testing;

import com.biometriclogger.local.facebackend.DecodedImage;
import com.biometriclogger.local.facebackend.FaceDetectionBackend;
import com.biometriclogger.local.facebackend.RekognitionError;
import com.biometriclogger.util.Sha256;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers DetectFaces (and CompareFaces) with responses recorded in {@code src/test/resources/rekognition/}, chosen by
 * the SHA-256 of the image bytes the endpoint received. An image nobody registered has no face. The
 * endpoint refuses an image that does not decode completely before asking, as the service does, so
 * no answer is scripted for one.
 */
public final class RecordedFaces implements FaceDetectionBackend {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> answers = new ConcurrentHashMap<>();
    private final Map<String, Object> comparisons = new ConcurrentHashMap<>();

    /** DetectFaces on exactly these bytes answers with the named recording. */
    public void respond(byte[] image, String recording) {
        answers.put(Sha256.hex(image), load(recording));
    }

    /** DetectFaces on exactly these bytes fails with this error. */
    public void fail(byte[] image, RekognitionError error) {
        answers.put(Sha256.hex(image), error);
    }

    /** CompareFaces with exactly these target bytes answers with the named recording. */
    public void respondToComparison(byte[] target, String recording) {
        comparisons.put(Sha256.hex(target), load(recording));
    }

    /** CompareFaces of exactly this reference with exactly these target bytes: before any answer for the target alone. */
    public void respondToComparison(byte[] reference, byte[] target, String recording) {
        comparisons.put(Sha256.hex(reference) + Sha256.hex(target), load(recording));
    }

    /** CompareFaces with exactly these target bytes fails with this error. */
    public void failComparison(byte[] target, RekognitionError error) {
        comparisons.put(Sha256.hex(target), error);
    }

    /** An unregistered comparison falls back to the endpoint's "not available offline" answer. */
    @Override
    public ObjectNode compareFaces(DecodedImage source, DecodedImage target, float similarityThreshold) throws RekognitionError {
        Object answer = comparisons.getOrDefault(Sha256.hex(source.bytes()) + Sha256.hex(target.bytes()),
                comparisons.get(Sha256.hex(target.bytes())));
        if (answer instanceof RekognitionError error) {
            throw error;
        }
        return answer == null ? FaceDetectionBackend.super.compareFaces(source, target, similarityThreshold)
                : ((ObjectNode) answer).deepCopy();
    }

    @Override
    public ObjectNode detectFaces(DecodedImage image, List<String> attributes) throws RekognitionError {
        Object answer = answers.get(Sha256.hex(image.bytes()));
        if (answer instanceof RekognitionError error) {
            throw error;
        }
        return answer == null ? JSON.createObjectNode().set("FaceDetails", JSON.createArrayNode())
                : ((ObjectNode) answer).deepCopy();
    }

    private static ObjectNode load(String recording) {
        try (InputStream in = RecordedFaces.class.getResourceAsStream("/rekognition/" + recording)) {
            if (in == null) {
                throw new IllegalArgumentException("no recording " + recording);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
