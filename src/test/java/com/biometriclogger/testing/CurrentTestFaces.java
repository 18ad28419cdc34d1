package com.biometriclogger.testing;

import com.biometriclogger.local.facebackend.DecodedImage;
import com.biometriclogger.local.facebackend.FaceDetectionBackend;
import com.biometriclogger.local.facebackend.RekognitionError;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the one Rekognition endpoint of a test run answers from: the recording of the test in
 * progress, so that no test is answered from another's. The endpoint sees only image bytes, not
 * which test sent them, so tests take turns; two at once would mix their answers, and the second
 * is refused instead.
 */
final class CurrentTestFaces implements FaceDetectionBackend {

    private final AtomicReference<RecordedFaces> current = new AtomicReference<>();

    /** A test's hold on the endpoint; closing it cannot fail. */
    interface Hold extends AutoCloseable {
        @Override
        void close();
    }

    /** Answers from {@code faces} until the returned hold is closed. */
    Hold answerFrom(RecordedFaces faces) {
        if (!current.compareAndSet(null, faces)) {
            throw new IllegalStateException("the local stack answers one test's face recording at a time: "
                    + "run the tests that use LocalStackExtension one after another, not in parallel");
        }
        return () -> current.compareAndSet(faces, null);
    }

    @Override
    public ObjectNode detectFaces(DecodedImage image, List<String> attributes) throws RekognitionError {
        return recording().detectFaces(image, attributes);
    }

    @Override
    public ObjectNode compareFaces(DecodedImage source, DecodedImage target, float similarityThreshold) throws RekognitionError {
        return recording().compareFaces(source, target, similarityThreshold);
    }

    private RecordedFaces recording() throws RekognitionError {
        var faces = current.get();
        if (faces == null) {
            throw new RekognitionError(500, "InternalServerError", "no test in progress: nothing to answer from");
        }
        return faces;
    }
}
