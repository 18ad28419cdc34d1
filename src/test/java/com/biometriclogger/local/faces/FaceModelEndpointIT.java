package com.biometriclogger.local.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.local.samples.PhotoTransforms;
import com.biometriclogger.local.stack.LocalRekognition;
import com.biometriclogger.local.stack.LocalStack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.Attribute;
import software.amazon.awssdk.services.rekognition.model.CompareFacesResponse;
import software.amazon.awssdk.services.rekognition.model.FaceDetail;
import software.amazon.awssdk.services.rekognition.model.ImageTooLargeException;
import software.amazon.awssdk.services.rekognition.model.InvalidImageFormatException;
import software.amazon.awssdk.services.rekognition.model.InvalidParameterException;
import software.amazon.awssdk.services.rekognition.model.LandmarkType;

/** The local Rekognition endpoint backed by the bundled face models, spoken to by the real RekognitionClient. */
class FaceModelEndpointIT {

    private static LocalRekognition endpoint;
    private static RekognitionClient rekognition;

    @BeforeAll
    static void start() {
        endpoint = LocalRekognition.start(0, new ModelFaceBackend(FacePipeline.shared()), null);
        rekognition = RekognitionClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(LocalStack.credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint.endpoint())
                .build();
    }

    @AfterAll
    static void stop() {
        rekognition.close();
        endpoint.close();
    }

    private static List<FaceDetail> detect(byte[] image, Attribute... attributes) {
        return rekognition.detectFaces(b -> b.image(i -> i.bytes(SdkBytes.fromByteArray(image))).attributes(attributes))
                .faceDetails();
    }

    private static FaceDetail onlyFace(byte[] image) {
        var faces = detect(image, Attribute.ALL);
        assertEquals(1, faces.size(), faces.toString());
        return faces.get(0);
    }

    private static CompareFacesResponse compare(byte[] source, byte[] target, float threshold) {
        return rekognition.compareFaces(b -> b.sourceImage(i -> i.bytes(SdkBytes.fromByteArray(source)))
                .targetImage(i -> i.bytes(SdkBytes.fromByteArray(target))).similarityThreshold(threshold));
    }

    @Test
    void aFrontalFaceHasPoseNearZeroEyesOpenAndRekognitionsLandmarks() throws IOException {
        var face = onlyFace(sample("grace_hopper.jpg"));

        assertTrue(face.confidence() > 99.9f, "confidence " + face.confidence());
        assertEquals(0.34f, face.boundingBox().left(), 0.03f);
        assertEquals(0.36f, face.boundingBox().width(), 0.03f);
        assertEquals(0f, face.pose().yaw(), 5f);
        assertEquals(0f, face.pose().pitch(), 8f);
        assertEquals(0f, face.pose().roll(), 5f);
        assertEquals(true, face.eyesOpen().value());
        assertTrue(face.eyesOpen().confidence() > 99f, face.eyesOpen().toString());
        assertNull(face.sunglasses(), "no bundled model measures sunglasses");
        assertEquals(30, face.landmarks().size());
        var eyeLeft = landmark(face, LandmarkType.EYE_LEFT);
        var eyeRight = landmark(face, LandmarkType.EYE_RIGHT);
        var nose = landmark(face, LandmarkType.NOSE);
        var chin = landmark(face, LandmarkType.CHIN_BOTTOM);
        assertTrue(eyeLeft.x() < nose.x() && nose.x() < eyeRight.x(), face.landmarks().toString());
        assertTrue(eyeLeft.y() < nose.y() && nose.y() < chin.y(), face.landmarks().toString());
        assertTrue(face.quality().sharpness() > 20f && face.quality().brightness() > 20f, face.quality().toString());
    }

    private static software.amazon.awssdk.services.rekognition.model.Landmark landmark(FaceDetail face, LandmarkType type) {
        return face.landmarks().stream().filter(l -> l.type() == type).findFirst().orElseThrow();
    }

    @Test
    void defaultAttributesLeaveEyesOpenOut() throws IOException {
        var face = detect(sample("grace_hopper.jpg"), Attribute.DEFAULT).get(0);

        assertNull(face.eyesOpen());
        assertTrue(face.pose().yaw() != null && face.quality().sharpness() != null);
    }

    @Test
    void rotatingThePhotoClockwiseTurnsRollClockwise() throws IOException {
        byte[] photo = sample("grace_hopper.jpg");
        float roll = onlyFace(photo).pose().roll();

        float clockwise = onlyFace(PhotoTransforms.named("rotated 12°").apply(photo)).pose().roll();
        float anticlockwise = onlyFace(PhotoTransforms.named("rotated −15°, 70 % size").apply(photo)).pose().roll();

        assertTrue(clockwise - roll > 6f, roll + " -> " + clockwise);
        assertTrue(anticlockwise - roll < -8f, roll + " -> " + anticlockwise);
    }

    @Test
    void aFaceTurnedAwayIsBeyondTheDefaultYawAndItsMirrorImageTurnsTheOtherWay() throws IOException {
        byte[] photo = sample("camera.jpg");
        float yaw = onlyFace(photo).pose().yaw();

        float mirrored = onlyFace(PhotoTransforms.named("mirrored").apply(photo)).pose().yaw();

        assertTrue(yaw < -45f, "yaw " + yaw);
        assertTrue(mirrored > 0f, "mirrored yaw " + mirrored);
    }

    @Test
    void coffeeAndTheCatHaveNoFace() throws IOException {
        assertEquals(0, detect(sample("coffee.jpg"), Attribute.DEFAULT).size());
        assertEquals(0, detect(sample("chelsea.jpg"), Attribute.DEFAULT).size());
    }

    @Test
    void aPngAndAJpegOfTheSamePictureGiveTheSameFiguresWithinTolerance() throws IOException {
        var picture = PhotoTransforms.decode(sample("grace_hopper.jpg"));
        var png = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", png);

        var fromPng = onlyFace(png.toByteArray());
        var fromJpeg = onlyFace(PhotoTransforms.jpeg(picture, 0.9f));

        assertEquals(fromPng.confidence(), fromJpeg.confidence(), 0.1f);
        assertEquals(fromPng.boundingBox().left(), fromJpeg.boundingBox().left(), 0.01f);
        assertEquals(fromPng.boundingBox().width(), fromJpeg.boundingBox().width(), 0.01f);
        assertEquals(fromPng.pose().yaw(), fromJpeg.pose().yaw(), 3f);
        assertEquals(fromPng.pose().pitch(), fromJpeg.pose().pitch(), 3f);
        assertEquals(fromPng.pose().roll(), fromJpeg.pose().roll(), 3f);
        assertEquals(fromPng.quality().brightness(), fromJpeg.quality().brightness(), 1f);
        assertEquals(fromPng.quality().sharpness(), fromJpeg.quality().sharpness(), 5f);
        assertEquals(fromPng.eyesOpen().value(), fromJpeg.eyesOpen().value());
        float similarity = compare(png.toByteArray(), PhotoTransforms.jpeg(picture, 0.9f), 0f).faceMatches().get(0).similarity();
        assertTrue(similarity > 99.9f, "similarity " + similarity);
    }

    @Test
    void aTransformedCopyOfTheSamePersonMatchesAboveTheDefaultThreshold() throws IOException {
        byte[] astronaut = sample("astronaut.jpg");

        var response = compare(astronaut, PhotoTransforms.named("rotated 8°, 80 % size, darker, JPEG 0.4").apply(astronaut), 95f);

        assertEquals(1, response.faceMatches().size(), response.toString());
        assertTrue(response.faceMatches().get(0).similarity() >= 95f, response.toString());
        assertEquals(0, response.unmatchedFaces().size());
        assertTrue(response.sourceImageFace().confidence() > 99f, response.toString());
        assertEquals(5, response.faceMatches().get(0).face().landmarks().size());
    }

    @Test
    void anotherPersonIsUnmatchedAndScoresFarBelowTheThreshold() throws IOException {
        var atThreshold = compare(sample("astronaut.jpg"), sample("grace_hopper.jpg"), 95f);
        var everyFace = compare(sample("astronaut.jpg"), sample("grace_hopper.jpg"), 0f);

        assertEquals(0, atThreshold.faceMatches().size(), atThreshold.toString());
        assertEquals(1, atThreshold.unmatchedFaces().size(), atThreshold.toString());
        assertTrue(everyFace.faceMatches().get(0).similarity() < 5f, everyFace.toString());
    }

    @Test
    void aSourceImageWithoutAFaceIsAnInvalidParameter() throws IOException {
        var error = assertThrows(InvalidParameterException.class,
                () -> compare(sample("coffee.jpg"), sample("astronaut.jpg"), 80f));

        assertEquals(400, error.statusCode());
        assertEquals("InvalidParameterException", error.awsErrorDetails().errorCode());
    }

    @Test
    void aTargetWithoutAFaceHasNoMatchesAndNoUnmatchedFaces() throws IOException {
        var response = compare(sample("astronaut.jpg"), sample("coffee.jpg"), 80f);

        assertEquals(0, response.faceMatches().size());
        assertEquals(0, response.unmatchedFaces().size());
    }

    @Test
    void aModelFileThatIsNotTheRecordedOneIsRefusedBeforeLoading() {
        var error = assertThrows(IllegalStateException.class, () -> OnnxModel.load("/faceplugin/fr_eye.onnx", "0".repeat(64)));

        assertTrue(error.getMessage().contains("has SHA-256 1afcea006abc1ccac3c517022abde0aa092bed74ff3c9fe6878483ef9e6e38de"),
                error.getMessage());
    }

    @Test
    void aTextFileIsAnInvalidImageFormat() throws IOException {
        var error = assertThrows(InvalidImageFormatException.class, () -> detect(sample("notes.jpg"), Attribute.DEFAULT));
        assertEquals(400, error.statusCode());
        assertEquals("InvalidImageFormatException", error.awsErrorDetails().errorCode());
    }

    /** ImageIO fills a cut-off JPEG with grey and only warns; Rekognition refuses it, and so does this endpoint. */
    @Test
    void aJpegOrPngThatDoesNotDecodeCompletelyIsAnInvalidImageFormat() throws IOException {
        byte[] photo = sample("astronaut.jpg");
        byte[] cutJpeg = Arrays.copyOf(photo, 12_000);
        var png = new ByteArrayOutputStream();
        ImageIO.write(PhotoTransforms.decode(photo), "png", png);
        byte[] cutPng = Arrays.copyOf(png.toByteArray(), png.size() / 2);

        for (byte[] cut : List.of(cutJpeg, cutPng)) {
            var error = assertThrows(InvalidImageFormatException.class, () -> detect(cut, Attribute.DEFAULT));
            assertEquals("Request has invalid image format", error.awsErrorDetails().errorMessage());
        }
        assertEquals(1, detect(photo, Attribute.DEFAULT).size(), "the whole photo still has its face");
    }

    @Test
    void moreThanFiveMegabytesInlineIsTooLarge() {
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        assertThrows(ImageTooLargeException.class, () -> detect(big, Attribute.DEFAULT));
    }

    @Test
    void aPngHeaderClaimingGigapixelsIsRefusedUndecoded() throws IOException {
        assertThrows(ImageTooLargeException.class, () -> detect(pngBomb(100_000, 100_000), Attribute.DEFAULT));
    }

    /** A valid PNG signature and IHDR chunk declaring {@code width}×{@code height}, then almost nothing. */
    static byte[] pngBomb(int width, int height) throws IOException {
        var out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        var ihdr = java.nio.ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        var crc = new CRC32();
        crc.update(ihdr.array());
        out.write(java.nio.ByteBuffer.allocate(4).putInt(13).array());
        out.write(ihdr.array());
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }

    static byte[] sample(String name) throws IOException {
        try (InputStream in = FaceModelEndpointIT.class.getResourceAsStream("/samples/" + name)) {
            return in.readAllBytes();
        }
    }
}
