package com.biometriclogger.local;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.biometriclogger.util.Sha256;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * MediaPipe BlazeFace (short range, 128×128, Apache-2.0) on ONNX Runtime: a real face detector on
 * the CPU. The model file is vendored in {@code src/local/resources/blazeface/} and checked
 * against its recorded SHA-256 before use, so a corrupted or swapped model fails loudly.
 *
 * <p>Decoding follows the model's anchors: 16×16 cells × 2 anchors (stride 8) and 8×8 cells × 6
 * anchors (stride 16); each anchor regresses a box and six key points in 128-pixel units, and
 * overlapping detections (IoU ≥ 0.3) are blended weighted by score, as MediaPipe does.
 */
public final class BlazeFace implements AutoCloseable {

    public static final String MODEL_RESOURCE = "/blazeface/face_detection_front_128x128.onnx";
    public static final String MODEL_SHA256 = "d388b1cf8a5f6f1af2b3f4c14f6d0f138bab970cd618cccd12dddb7484e82e51";

    private static final int SIZE = 128;
    private static final float IOU_THRESHOLD = 0.3f;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final float minScore;

    private BlazeFace(OrtEnvironment environment, OrtSession session, float minScore) {
        this.environment = environment;
        this.session = session;
        this.minScore = minScore;
    }

    /**
     * @param minScore detections scoring below this (0–1) are dropped
     * @throws IllegalStateException with what to do, when the model is missing or not the recorded file
     */
    public static BlazeFace load(float minScore) {
        byte[] model = readModel();
        String actual = Sha256.hex(model);
        if (!MODEL_SHA256.equals(actual)) {
            throw new IllegalStateException("the BlazeFace model " + MODEL_RESOURCE + " has SHA-256 " + actual
                    + " instead of " + MODEL_SHA256 + ": restore it with git checkout src/local/resources/blazeface");
        }
        try {
            var environment = OrtEnvironment.getEnvironment();
            var options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            return new BlazeFace(environment, environment.createSession(model, options), minScore);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load the BlazeFace model: " + e.getMessage(), e);
        }
    }

    private static byte[] readModel() {
        try (InputStream in = BlazeFace.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the BlazeFace model " + MODEL_RESOURCE
                        + " is missing from the class path: restore it with git checkout src/local/resources/blazeface");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A detected face in image-relative coordinates (0–1, origin top left).
     *
     * @param keyPoints x,y pairs: right eye, left eye (the subject's), nose tip, mouth centre,
     *                  right ear tragion, left ear tragion
     */
    public record Face(float score, float centerX, float centerY, float width, float height, float[] keyPoints) {
    }

    /** Faces found, most confident first. */
    public synchronized List<Face> detect(BufferedImage image) {
        var letterbox = Letterbox.of(image.getWidth(), image.getHeight());
        try (var input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(toTensor(image, letterbox)),
                new long[] {1, SIZE, SIZE, 3});
             var result = session.run(java.util.Map.of("input:0", input))) {
            List<Face> candidates = new ArrayList<>();
            decode(scores(result, "Identity:0"), boxes(result, "Identity_2:0"), 16, 2, letterbox, candidates);
            decode(scores(result, "Identity_1:0"), boxes(result, "Identity_3:0"), 8, 6, letterbox, candidates);
            return blendOverlaps(candidates);
        } catch (OrtException e) {
            throw new IllegalStateException("BlazeFace inference failed: " + e.getMessage(), e);
        }
    }

    /** Fits the image into 128×128 keeping its aspect ratio; the margins are black. */
    private record Letterbox(float scale, float padX, float padY, int width, int height) {
        static Letterbox of(int width, int height) {
            float scale = (float) SIZE / Math.max(width, height);
            return new Letterbox(scale, (SIZE - width * scale) / 2, (SIZE - height * scale) / 2, width, height);
        }

        float toImageX(float modelX) {
            return (modelX * SIZE - padX) / scale / width;
        }

        float toImageY(float modelY) {
            return (modelY * SIZE - padY) / scale / height;
        }
    }

    private static float[] toTensor(BufferedImage image, Letterbox box) {
        float[] tensor = new float[SIZE * SIZE * 3];
        java.util.Arrays.fill(tensor, -1f);
        int scaledWidth = Math.round(box.width() * box.scale());
        int scaledHeight = Math.round(box.height() * box.scale());
        var scaled = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        var graphics = scaled.createGraphics();
        graphics.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        int x0 = Math.round(box.padX());
        int y0 = Math.round(box.padY());
        graphics.drawImage(image, x0, y0, scaledWidth, scaledHeight, null);
        graphics.dispose();
        for (int y = y0; y < y0 + scaledHeight && y < SIZE; y++) {
            for (int x = x0; x < x0 + scaledWidth && x < SIZE; x++) {
                int rgb = scaled.getRGB(x, y);
                int i = (y * SIZE + x) * 3;
                tensor[i] = ((rgb >> 16) & 0xFF) / 127.5f - 1f;
                tensor[i + 1] = ((rgb >> 8) & 0xFF) / 127.5f - 1f;
                tensor[i + 2] = (rgb & 0xFF) / 127.5f - 1f;
            }
        }
        return tensor;
    }

    private void decode(float[] scores, float[][] boxes, int cells, int anchorsPerCell, Letterbox letterbox,
                        List<Face> out) {
        for (int cy = 0; cy < cells; cy++) {
            for (int cx = 0; cx < cells; cx++) {
                float anchorX = (cx + 0.5f) / cells;
                float anchorY = (cy + 0.5f) / cells;
                for (int a = 0; a < anchorsPerCell; a++) {
                    int index = (cy * cells + cx) * anchorsPerCell + a;
                    float score = sigmoid(scores[index]);
                    if (score < minScore) {
                        continue;
                    }
                    float[] r = boxes[index];
                    float[] keyPoints = new float[12];
                    for (int k = 0; k < 6; k++) {
                        keyPoints[2 * k] = letterbox.toImageX(anchorX + r[4 + 2 * k] / SIZE);
                        keyPoints[2 * k + 1] = letterbox.toImageY(anchorY + r[5 + 2 * k] / SIZE);
                    }
                    out.add(new Face(score,
                            letterbox.toImageX(anchorX + r[0] / SIZE),
                            letterbox.toImageY(anchorY + r[1] / SIZE),
                            r[2] / letterbox.scale() / letterbox.width(),
                            r[3] / letterbox.scale() / letterbox.height(),
                            keyPoints));
                }
            }
        }
    }

    /** MediaPipe's weighted non-maximum suppression: overlapping boxes are averaged by score. */
    private static List<Face> blendOverlaps(List<Face> candidates) {
        List<Face> remaining = new ArrayList<>(candidates);
        remaining.sort(Comparator.comparingDouble(Face::score).reversed());
        List<Face> faces = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Face best = remaining.get(0);
            List<Face> cluster = new ArrayList<>();
            for (Face face : remaining) {
                if (iou(best, face) >= IOU_THRESHOLD) {
                    cluster.add(face);
                }
            }
            remaining.removeAll(cluster);
            faces.add(weightedMean(cluster, best.score()));
        }
        return faces;
    }

    private static Face weightedMean(List<Face> cluster, float score) {
        float total = 0;
        float[] sum = new float[4 + 12];
        for (Face face : cluster) {
            float w = face.score();
            total += w;
            sum[0] += face.centerX() * w;
            sum[1] += face.centerY() * w;
            sum[2] += face.width() * w;
            sum[3] += face.height() * w;
            for (int k = 0; k < 12; k++) {
                sum[4 + k] += face.keyPoints()[k] * w;
            }
        }
        float[] keyPoints = new float[12];
        for (int k = 0; k < 12; k++) {
            keyPoints[k] = sum[4 + k] / total;
        }
        return new Face(score, sum[0] / total, sum[1] / total, sum[2] / total, sum[3] / total, keyPoints);
    }

    private static float iou(Face a, Face b) {
        float left = Math.max(a.centerX() - a.width() / 2, b.centerX() - b.width() / 2);
        float top = Math.max(a.centerY() - a.height() / 2, b.centerY() - b.height() / 2);
        float right = Math.min(a.centerX() + a.width() / 2, b.centerX() + b.width() / 2);
        float bottom = Math.min(a.centerY() + a.height() / 2, b.centerY() + b.height() / 2);
        float inner = Math.max(0, right - left) * Math.max(0, bottom - top);
        return inner / (a.width() * a.height() + b.width() * b.height() - inner);
    }

    private static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-Math.max(-100, Math.min(100, x)))));
    }

    private static float[] scores(OrtSession.Result result, String name) throws OrtException {
        float[][][] value = (float[][][]) result.get(name).orElseThrow().getValue();
        float[] scores = new float[value[0].length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = value[0][i][0];
        }
        return scores;
    }

    private static float[][] boxes(OrtSession.Result result, String name) throws OrtException {
        return ((float[][][]) result.get(name).orElseThrow().getValue())[0];
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
