package com.biometriclogger.local.faces;

import com.biometriclogger.local.facebackend.DecodedImage;
import com.biometriclogger.local.facebackend.FaceDetectionBackend;
import com.biometriclogger.local.facebackend.RekognitionError;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Answers DetectFaces and CompareFaces with what the Faceplugin models measure in the image
 * ({@link FacePipeline}). Every field reported is measured (docs/local.md's provenance table says
 * how); sunglasses, which no model here measures, are left out, as the service leaves out what it
 * did not compute.
 */
public final class ModelFaceBackend implements FaceDetectionBackend {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Rekognition's landmark types and the iBUG 68-point indices each is read from (a mean where several). */
    private static final Object[][] LANDMARKS = {
            {"eyeLeft", new int[] {37, 38, 40, 41}}, {"eyeRight", new int[] {43, 44, 46, 47}},
            {"mouthLeft", new int[] {48}}, {"mouthRight", new int[] {54}}, {"nose", new int[] {30}},
            {"leftEyeBrowLeft", new int[] {17}}, {"leftEyeBrowUp", new int[] {19}}, {"leftEyeBrowRight", new int[] {21}},
            {"rightEyeBrowLeft", new int[] {22}}, {"rightEyeBrowUp", new int[] {24}}, {"rightEyeBrowRight", new int[] {26}},
            {"leftEyeLeft", new int[] {36}}, {"leftEyeRight", new int[] {39}},
            {"leftEyeUp", new int[] {37, 38}}, {"leftEyeDown", new int[] {40, 41}},
            {"rightEyeLeft", new int[] {42}}, {"rightEyeRight", new int[] {45}},
            {"rightEyeUp", new int[] {43, 44}}, {"rightEyeDown", new int[] {46, 47}},
            {"noseLeft", new int[] {31}}, {"noseRight", new int[] {35}},
            {"mouthUp", new int[] {51}}, {"mouthDown", new int[] {57}},
            {"leftPupil", new int[] {37, 38, 40, 41}}, {"rightPupil", new int[] {43, 44, 46, 47}},
            {"upperJawlineLeft", new int[] {0}}, {"midJawlineLeft", new int[] {4}}, {"chinBottom", new int[] {8}},
            {"midJawlineRight", new int[] {12}}, {"upperJawlineRight", new int[] {16}}};

    /** CompareFaces' Face carries these five only, as the service's does. */
    private static final int COMPARED_LANDMARKS = 5;

    private final FacePipeline models;

    ModelFaceBackend(FacePipeline models) {
        this.models = models;
    }

    /** The face models' one public entry: a backend over the models this JVM loads once (slow the first time). */
    public static ModelFaceBackend withSharedModels() {
        return new ModelFaceBackend(FacePipeline.shared());
    }

    @Override
    public ObjectNode detectFaces(DecodedImage image, List<String> attributes) throws RekognitionError {
        var pixels = RgbImage.of(image.pixels());
        boolean eyes = attributes.contains("ALL") || attributes.contains("EYES_OPEN");
        ArrayNode details = JSON.createArrayNode();
        for (var box : models.detect(pixels)) {
            float[] points = models.landmarks(pixels, box);
            var detail = face(pixels, box, points, LANDMARKS.length);
            if (eyes) {
                float[] open = models.eyesOpen(pixels, points);
                float p = Math.min(open[0], open[1]);
                detail.putObject("EyesOpen").put("Value", p >= 0.5f).put("Confidence", 100 * Math.max(p, 1 - p));
            }
            details.add(detail);
        }
        var response = JSON.createObjectNode();
        response.set("FaceDetails", details);
        return response;
    }

    /**
     * The largest face of the source against every face of the target, as the service compares
     * them; a source without a face is the service's {@code InvalidParameterException}.
     */
    @Override
    public ObjectNode compareFaces(DecodedImage source, DecodedImage target, float similarityThreshold) throws RekognitionError {
        var sourcePixels = RgbImage.of(source.pixels());
        var sourceBox = models.detect(sourcePixels).stream()
                .max(Comparator.comparingDouble(b -> b.width() * b.height()))
                .orElseThrow(RekognitionError::invalidParameter);
        float[] reference = models.embedding(sourcePixels, models.landmarks(sourcePixels, sourceBox));
        var targetPixels = RgbImage.of(target.pixels());
        List<ObjectNode> matches = new ArrayList<>();
        ArrayNode unmatched = JSON.createArrayNode();
        for (var box : models.detect(targetPixels)) {
            float[] points = models.landmarks(targetPixels, box);
            float similarity = SimilarityScale.similarity(
                    SimilarityScale.cosine(reference, models.embedding(targetPixels, points)));
            var face = face(targetPixels, box, points, COMPARED_LANDMARKS);
            if (similarity >= similarityThreshold) {
                var match = JSON.createObjectNode().put("Similarity", similarity);
                match.set("Face", face);
                matches.add(match);
            } else {
                unmatched.add(face);
            }
        }
        matches.sort(Comparator.comparingDouble((ObjectNode m) -> m.get("Similarity").asDouble()).reversed());
        var response = JSON.createObjectNode();
        var sourceFace = response.putObject("SourceImageFace");
        sourceFace.set("BoundingBox", boundingBox(sourcePixels, sourceBox));
        sourceFace.put("Confidence", sourceBox.score() * 100f);
        response.putArray("FaceMatches").addAll(matches);
        response.set("UnmatchedFaces", unmatched);
        return response;
    }

    private ObjectNode face(RgbImage pixels, FacePipeline.Box box, float[] points, int landmarkCount) {
        var detail = JSON.createObjectNode();
        detail.set("BoundingBox", boundingBox(pixels, box));
        detail.put("Confidence", box.score() * 100f);
        var landmarks = detail.putArray("Landmarks");
        for (int i = 0; i < landmarkCount; i++) {
            int[] indices = (int[]) LANDMARKS[i][1];
            float x = 0;
            float y = 0;
            for (int index : indices) {
                x += points[2 * index] / indices.length;
                y += points[2 * index + 1] / indices.length;
            }
            landmarks.addObject().put("Type", (String) LANDMARKS[i][0])
                    .put("X", x / pixels.width()).put("Y", y / pixels.height());
        }
        float[] pose = models.pose(pixels, box);
        detail.putObject("Pose").put("Roll", pose[2]).put("Yaw", pose[0]).put("Pitch", pose[1]);
        var quality = FaceQuality.of(pixels, box);
        detail.putObject("Quality").put("Brightness", quality.brightness()).put("Sharpness", quality.sharpness());
        return detail;
    }

    private static ObjectNode boundingBox(RgbImage pixels, FacePipeline.Box box) {
        return JSON.createObjectNode()
                .put("Width", box.width() / pixels.width())
                .put("Height", box.height() / pixels.height())
                .put("Left", box.left() / pixels.width())
                .put("Top", box.top() / pixels.height());
    }
}
