package com.biometriclogger.local.faces;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The five Faceplugin models (MIT, {@code src/local/resources/faceplugin/}) chained the way their
 * package's own {@code lib/fr_*.js} chains them: a detector finds boxes; 68 landmarks are read
 * from each face's square grey crop; the pose model reads yaw, pitch and roll from the box
 * widened by half; the eye model judges each eye's crop; the embedding model reads the face
 * aligned onto the standard 112×112 five-point template.
 *
 * <p>Loading takes about a second, so one instance serves the whole JVM ({@link #shared()}).
 */
final class FacePipeline {

    /**
     * Detector scores (0–1) below this are not faces. The package's own threshold, 0.65, finds a
     * face in Chelsea the cat (0.984); every human face in the samples and their transformed
     * copies scores at least 0.996 (docs/local.md, "The local Rekognition endpoint").
     */
    static final float MIN_SCORE = 0.99f;
    static final float NMS_IOU = 0.3f;

    private static final String DIR = "/faceplugin/";
    private static FacePipeline shared;

    private final OnnxModel detector;
    private final OnnxModel landmarks;
    private final OnnxModel pose;
    private final OnnxModel eye;
    private final OnnxModel embedding;

    private FacePipeline() {
        detector = OnnxModel.load(DIR + "fr_detect.onnx", "6c0256ccd3164f844736a401faf936ec2930764a87ae39442180887d0c5c8854");
        landmarks = OnnxModel.load(DIR + "fr_landmark.onnx", "f10b0ba1d2a8a099adefede1ebf3733e44fe370715e7303dbeb7f59c02142258");
        pose = OnnxModel.load(DIR + "fr_pose.onnx", "72d032ec941b7153bf8d3f2c03a4c165453cc7e63d479041ec7c6ef087e5839d");
        eye = OnnxModel.load(DIR + "fr_eye.onnx", "1afcea006abc1ccac3c517022abde0aa092bed74ff3c9fe6878483ef9e6e38de");
        embedding = OnnxModel.load(DIR + "fr_feature.onnx", "87aacdfe57510db2af90c0251df680e8eec88f122ee94712121d09bcaaaf3581");
    }

    /** The models, loaded and checked on first use; every endpoint in this JVM shares them. */
    static synchronized FacePipeline shared() {
        if (shared == null) {
            shared = new FacePipeline();
        }
        return shared;
    }

    /** A face box in pixels, with the detector's score (0–1). */
    record Box(float score, float left, float top, float right, float bottom) {
        float width() {
            return right - left;
        }

        float height() {
            return bottom - top;
        }

        float iou(Box other) {
            float w = Math.max(0, Math.min(right, other.right) - Math.max(left, other.left));
            float h = Math.max(0, Math.min(bottom, other.bottom) - Math.max(top, other.top));
            float inner = w * h;
            return inner / (width() * height() + other.width() * other.height() - inner);
        }
    }

    /** Faces found, most confident first. */
    List<Box> detect(RgbImage image) {
        var out = detector.run(image.sample(RgbImage.rectangle(0, 0, image.width(), image.height(), 320, 240),
                320, 240, false, 127f, 128f), 1, 3, 240, 320);
        float[] scores = out.get("scores");
        float[] boxes = out.get("boxes");
        List<Box> candidates = new ArrayList<>();
        for (int i = 0; i < scores.length / 2; i++) {
            float score = scores[2 * i + 1];
            if (score >= MIN_SCORE) {
                candidates.add(new Box(score, clamp(boxes[4 * i]) * image.width(), clamp(boxes[4 * i + 1]) * image.height(),
                        clamp(boxes[4 * i + 2]) * image.width(), clamp(boxes[4 * i + 3]) * image.height()));
            }
        }
        candidates.sort(Comparator.comparingDouble(Box::score).reversed());
        List<Box> faces = new ArrayList<>();
        for (Box candidate : candidates) {
            if (candidate.width() > 1 && candidate.height() > 1
                    && faces.stream().noneMatch(face -> face.iou(candidate) > NMS_IOU)) {
                faces.add(candidate);
            }
        }
        return faces;
    }

    /** 68 points (x0, y0, x1, y1, …) in pixels, in the iBUG 300-W order, read from the box made square. */
    float[] landmarks(RgbImage image, Box box) {
        float side = box.height();
        float cx = (box.left() + box.right()) / 2;
        float cy = (box.top() + box.bottom()) / 2;
        float left = cx - side / 2;
        float top = cy - side / 2;
        float[] points = landmarks.run(image.sample(RgbImage.rectangle(left, top, left + side, top + side, 64, 64),
                64, 64, true, 0f, 256f), 1, 1, 64, 64).get("output");
        float[] pixels = new float[points.length];
        for (int i = 0; i < points.length; i += 2) {
            pixels[i] = left + points[i] * side;
            pixels[i + 1] = top + points[i + 1] * side;
        }
        return pixels;
    }

    /** Yaw, pitch and roll in degrees: the expectation over 66 bins of 3° from −99°, as the package decodes them. */
    float[] pose(RgbImage image, Box box) {
        float side = box.height() * 1.5f;
        float cx = (box.left() + box.right()) / 2;
        float cy = (box.top() + box.bottom()) / 2;
        float[] input = image.sample(RgbImage.rectangle(cx - side / 2, cy - side / 2, cx + side / 2, cy + side / 2, 224, 224),
                224, 224, false, 0f, 255f);
        float[] mean = {0.485f, 0.456f, 0.406f};
        float[] std = {0.229f, 0.224f, 0.225f};
        int plane = 224 * 224;
        for (int i = 0; i < input.length; i++) {
            input[i] = (input[i] - mean[i / plane]) / std[i / plane];
        }
        var out = pose.run(input, 1, 3, 224, 224);
        return new float[] {binnedDegrees(out.get("output")), binnedDegrees(out.get("617")), binnedDegrees(out.get("618"))};
    }

    private static float binnedDegrees(float[] logits) {
        float[] p = softmax(logits);
        double expectation = 0;
        for (int i = 0; i < p.length; i++) {
            expectation += p[i] * i;
        }
        return (float) (expectation * 3 - 99);
    }

    /**
     * The probability (0–1) that the eye is open, for the image-left eye (points 36–41) and the
     * image-right eye (42–47): a square crop 1.6 eye-widths wide around the eyelid points.
     */
    float[] eyesOpen(RgbImage image, float[] points) {
        return new float[] {eyeOpen(image, points, 36), eyeOpen(image, points, 42)};
    }

    private float eyeOpen(RgbImage image, float[] p, int first) {
        float cx = (p[2 * (first + 1)] + p[2 * (first + 2)] + p[2 * (first + 4)] + p[2 * (first + 5)]) / 4;
        float cy = (p[2 * (first + 1) + 1] + p[2 * (first + 2) + 1] + p[2 * (first + 4) + 1] + p[2 * (first + 5) + 1]) / 4;
        float size = Math.max(2, Math.abs(p[2 * (first + 3)] - p[2 * first]) * 1.6f);
        float[] logits = eye.run(image.sample(RgbImage.rectangle(cx - size / 2, cy - size / 2, cx + size / 2, cy + size / 2,
                24, 24), 24, 24, true, 0f, 255f), 1, 1, 24, 24).get("output");
        return softmax(logits)[OPEN_CLASS];
    }

    /** Which of the eye model's two outputs means open: measured on the bundled frontal faces. */
    static final int OPEN_CLASS = 1;

    /** The face's 512-value embedding, L2-normalised, from the face aligned by its five points. */
    float[] embedding(RgbImage image, float[] points) {
        var mapping = FaceAlignment.toTemplate(FaceAlignment.fivePoints(points));
        float[] values = embedding.run(image.sample(mapping, 112, 112, false, 127f, 128f), 1, 3, 112, 112).get("output");
        double norm = 0;
        for (float v : values) {
            norm += v * v;
        }
        float inverse = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < values.length; i++) {
            values[i] *= inverse;
        }
        return values;
    }

    static float[] softmax(float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        float sum = 0;
        float[] p = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            p[i] = (float) Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    private static float clamp(float value) {
        return Math.max(0f, Math.min(1f, value));
    }
}
