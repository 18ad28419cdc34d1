package com.biometriclogger.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.Attribute;
import software.amazon.awssdk.services.rekognition.model.DetectFacesResponse;
import software.amazon.awssdk.services.rekognition.model.ImageTooLargeException;
import software.amazon.awssdk.services.rekognition.model.InvalidImageFormatException;
import software.amazon.awssdk.services.rekognition.model.LandmarkType;

/** The local Rekognition endpoint backed by BlazeFace, spoken to by the real RekognitionClient. */
class BlazeFaceEndpointIT {

    private static LocalRekognition endpoint;
    private static RekognitionClient rekognition;

    @BeforeAll
    static void start() {
        endpoint = LocalRekognition.start(0, new BlazeFaceBackend(BlazeFace.load(BlazeFaceBackend.MIN_SCORE)), null);
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

    private static DetectFacesResponse detect(byte[] image) {
        return rekognition.detectFaces(b -> b.image(i -> i.bytes(SdkBytes.fromByteArray(image))).attributes(Attribute.DEFAULT));
    }

    @Test
    void astronautHasOneConfidentFaceWithHonestFieldsOnly() throws IOException {
        var faces = detect(sample("astronaut.jpg")).faceDetails();

        assertEquals(1, faces.size());
        var face = faces.get(0);
        assertEquals(91.6f, face.confidence(), 0.5f);
        assertTrue(face.boundingBox().left() > 0.3f && face.boundingBox().left() < 0.4f, face.boundingBox().toString());
        assertTrue(face.boundingBox().width() > 0.15f && face.boundingBox().width() < 0.22f, face.boundingBox().toString());
        assertEquals(java.util.List.of(LandmarkType.EYE_LEFT, LandmarkType.EYE_RIGHT, LandmarkType.NOSE),
                face.landmarks().stream().map(l -> l.type()).toList());
        assertTrue(face.landmarks().get(0).x() < face.landmarks().get(1).x());
        assertEquals(11f, face.pose().roll(), 2f);
        assertEquals(null, face.pose().yaw());
        assertEquals(null, face.pose().pitch());
        assertTrue(face.quality().sharpness() > 80f, "sharpness " + face.quality().sharpness());
        assertEquals(65f, face.quality().brightness(), 3f);
        assertEquals(null, face.eyesOpen());
        assertEquals(null, face.sunglasses());
    }

    @Test
    void coffeeAndTheCatHaveNoFace() throws IOException {
        assertEquals(0, detect(sample("coffee.jpg")).faceDetails().size());
        assertEquals(0, detect(sample("chelsea.jpg")).faceDetails().size());
    }

    @Test
    void aTextFileIsAnInvalidImageFormat() throws IOException {
        var error = assertThrows(InvalidImageFormatException.class, () -> detect(sample("notes.jpg")));
        assertEquals(400, error.statusCode());
        assertEquals("InvalidImageFormatException", error.awsErrorDetails().errorCode());
    }

    @Test
    void moreThanFiveMegabytesInlineIsTooLarge() {
        byte[] big = new byte[5 * 1024 * 1024 + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        assertThrows(ImageTooLargeException.class, () -> detect(big));
    }

    @Test
    void aPngHeaderClaimingGigapixelsIsRefusedUndecoded() throws IOException {
        assertThrows(ImageTooLargeException.class, () -> detect(pngBomb(100_000, 100_000)));
    }

    /** A valid PNG signature and IHDR chunk declaring {@code width}×{@code height}, then almost nothing. */
    static byte[] pngBomb(int width, int height) throws IOException {
        var out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        var ihdr = java.nio.ByteBuffer.allocate(17).put("IHDR".getBytes()).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        var crc = new CRC32();
        crc.update(ihdr.array());
        out.write(java.nio.ByteBuffer.allocate(4).putInt(13).array());
        out.write(ihdr.array());
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        return out.toByteArray();
    }

    static byte[] sample(String name) throws IOException {
        try (InputStream in = BlazeFaceEndpointIT.class.getResourceAsStream("/samples/" + name)) {
            return in.readAllBytes();
        }
    }
}
