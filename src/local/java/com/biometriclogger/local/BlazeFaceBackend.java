package com.biometriclogger.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

/**
 * Answers DetectFaces with what BlazeFace really finds in the image. Only fields that can be
 * computed honestly are filled (see the README's provenance table): bounding box, confidence,
 * eye and nose landmarks, roll from the eye line, brightness and sharpness from the face's pixels.
 * Yaw, pitch, eyes open and sunglasses are left out, as the service leaves out what it did not
 * compute.
 */
public final class BlazeFaceBackend implements FaceDetectionBackend {

    /** Detections below this BlazeFace score (0–1) are not faces; MediaPipe's own default is 0.5. */
    public static final float MIN_SCORE = 0.5f;

    /** Refuse to decode more pixels than this: a few bytes of PNG header can claim gigapixels. */
    static final long MAX_PIXELS = 40_000_000L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlazeFace detector;

    public BlazeFaceBackend(BlazeFace detector) {
        this.detector = detector;
    }

    @Override
    public ObjectNode detectFaces(byte[] image, List<String> attributes) throws RekognitionError {
        BufferedImage pixels = decode(image);
        ArrayNode details = JSON.createArrayNode();
        for (BlazeFace.Face face : detector.detect(pixels)) {
            details.add(faceDetail(face, pixels));
        }
        var response = JSON.createObjectNode();
        response.set("FaceDetails", details);
        return response;
    }

    /** Reads the dimensions from the header first, so a decompression bomb is refused unread. */
    static BufferedImage decode(byte[] image) throws RekognitionError {
        try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw RekognitionError.invalidImageFormat("Request has invalid image format");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw RekognitionError.imageTooLarge("Image dimensions " + reader.getWidth(0) + "x"
                            + reader.getHeight(0) + " exceed the limit of " + MAX_PIXELS + " pixels");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw RekognitionError.invalidImageFormat("Request has invalid image format");
        }
    }

    private static ObjectNode faceDetail(BlazeFace.Face face, BufferedImage pixels) {
        var detail = JSON.createObjectNode();
        detail.putObject("BoundingBox")
                .put("Width", face.width())
                .put("Height", face.height())
                .put("Left", face.centerX() - face.width() / 2)
                .put("Top", face.centerY() - face.height() / 2);
        float[] k = face.keyPoints();
        // Rekognition names landmarks as they appear in the image: eyeLeft is the one on the left.
        boolean firstIsLeft = k[0] <= k[2];
        var landmarks = detail.putArray("Landmarks");
        landmark(landmarks, "eyeLeft", firstIsLeft ? k[0] : k[2], firstIsLeft ? k[1] : k[3]);
        landmark(landmarks, "eyeRight", firstIsLeft ? k[2] : k[0], firstIsLeft ? k[3] : k[1]);
        landmark(landmarks, "nose", k[4], k[5]);
        detail.putObject("Pose").put("Roll", roll(face, pixels));
        var quality = FaceQuality.of(pixels, face);
        detail.putObject("Quality").put("Brightness", quality.brightness()).put("Sharpness", quality.sharpness());
        detail.put("Confidence", face.score() * 100f);
        return detail;
    }

    private static void landmark(ArrayNode landmarks, String type, float x, float y) {
        landmarks.addObject().put("Type", type).put("X", x).put("Y", y);
    }

    /** Degrees of the line from the image-left eye to the image-right eye, clockwise positive. */
    static float roll(BlazeFace.Face face, BufferedImage pixels) {
        float[] k = face.keyPoints();
        float dx = (k[2] - k[0]) * pixels.getWidth();
        float dy = (k[3] - k[1]) * pixels.getHeight();
        if (dx < 0) {
            dx = -dx;
            dy = -dy;
        }
        return (float) Math.toDegrees(Math.atan2(dy, dx));
    }
}
