package com.biometriclogger.local.faces;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import com.biometriclogger.util.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * One vendored ONNX model on ONNX Runtime, checked against its recorded SHA-256 before it is
 * loaded, so a corrupted or swapped file fails loudly instead of answering with other figures.
 */
final class OnnxModel implements AutoCloseable {

    private final String resource;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final String inputName;

    private OnnxModel(String resource, OrtEnvironment environment, OrtSession session) throws OrtException {
        this.resource = resource;
        this.environment = environment;
        this.session = session;
        this.inputName = session.getInputNames().iterator().next();
    }

    /**
     * @throws IllegalStateException with what to do, when the file is missing or not the recorded one
     */
    static OnnxModel load(String resource, String sha256) {
        byte[] model = read(resource);
        String actual = Sha256.hex(model);
        if (!sha256.equals(actual)) {
            throw new IllegalStateException("the face model " + resource + " has SHA-256 " + actual + " instead of "
                    + sha256 + ": restore it with git checkout src/local/resources" + resource.substring(0, resource.lastIndexOf('/')));
        }
        try {
            var environment = OrtEnvironment.getEnvironment();
            var options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            return new OnnxModel(resource, environment, environment.createSession(model, options));
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load " + resource + ": " + e.getMessage(), e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = OnnxModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the face model " + resource
                        + " is missing from the class path: restore it with git checkout src/local/resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the model on one tensor; every output flattened, by name. */
    synchronized Map<String, float[]> run(float[] input, long... shape) {
        try (var tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(input), shape);
             var result = session.run(Map.of(inputName, tensor))) {
            Map<String, float[]> outputs = new HashMap<>();
            for (var output : result) {
                var buffer = ((OnnxTensor) output.getValue()).getFloatBuffer();
                float[] values = new float[buffer.remaining()];
                buffer.get(values);
                outputs.put(output.getKey(), values);
            }
            return outputs;
        } catch (OrtException e) {
            throw new IllegalStateException("inference with " + resource + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
