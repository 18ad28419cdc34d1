package com.biometriclogger.local.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.decision.DecisionReport;
import com.biometriclogger.handler.DecisionHandler;
import com.biometriclogger.local.samples.PhotoTransforms;
import com.biometriclogger.local.samples.SampleImages;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.local.stack.S3Events;
import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.FaceDetail;
import software.amazon.awssdk.services.rekognition.model.InvalidParameterException;

/**
 * Photos at both ends of the sizes the service takes, through the local stack's face models and the
 * real handler (detect-only, the local profile): a face of about 500 pixels in a large, grainy
 * photo is found, and an image under the service's 80-pixel minimum is refused with the service's
 * error, which the function records as {@code REJECTED INVALID_IMAGE}.
 */
class PhotoSizeIT {

    private static LocalStack stack;
    private static DecisionHandler handler;
    private static RekognitionClient rekognition;
    private static long sequencer = 0x0077AED6DCD90000L;

    @BeforeAll
    static void start() {
        stack = LocalMain.startStack(LocalStack.Ports.ANY, null);
        LocalMain.createUploadBucket(stack, System.out);
        handler = LocalMain.handler(stack, true);
        rekognition = RekognitionClient.builder().region(software.amazon.awssdk.regions.Region.of(LocalStack.REGION))
                .credentialsProvider(LocalStack.credentials()).httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(stack.rekognition().endpoint()).build();
    }

    @AfterAll
    static void stop() {
        rekognition.close();
        stack.close();
    }

    /**
     * Read pixel by pixel into the detector's 320×240 (one pixel in 150), the grain of this photo
     * hid the face: NO_FACE before the crops averaged areas.
     */
    @Test
    void aFaceOfAbout500PixelsInA4000By3000GrainyPhotoIsFoundAndJudged() {
        byte[] photo = PhotoTransforms.jpeg(grainyPhoto("astronaut.jpg", 4000, 3000, 7.0), 0.9f);

        var result = judge("uploads/large/photo.jpg", photo);
        var faces = rekognition.detectFaces(b -> b.image(i -> i.s3Object(o -> o.bucket(LocalMain.BUCKET)
                .name("uploads/large/photo.jpg")))).faceDetails();

        assertEquals(1, faces.size(), faces.toString());
        assertEquals(0.12f, faces.get(0).boundingBox().width(), 0.02f, faces.toString());
        assertEquals("AUTHORIZED []", result.decision() + " " + result.reasons(), result.toString());
        assertTrue(photo.length > 5 * 1024 * 1024, "sent to the service by S3 reference: " + photo.length + " bytes");
    }

    @Test
    void anImageUnderEightyPixelsEitherWayIsRefusedAsTheServiceRefusesIt() {
        for (int[] size : List.of(new int[] {79, 79}, new int[] {80, 79}, new int[] {79, 80})) {
            byte[] photo = PhotoTransforms.jpeg(scaled("grace_hopper.jpg", size[0], size[1]), 0.9f);
            String key = "uploads/small/" + size[0] + "x" + size[1] + ".jpg";

            var error = assertThrows(InvalidParameterException.class, () -> detect(photo));
            var result = judge(key, photo);

            assertEquals(400, error.statusCode());
            assertEquals("Request has invalid parameters", error.awsErrorDetails().errorMessage());
            assertEquals("REJECTED [INVALID_IMAGE]", result.decision() + " " + result.reasons(), key);
            var item = auditItem(key);
            assertEquals("REJECTED", item.get("decision").s(), item.toString());
            assertEquals("INVALID_IMAGE", item.get("reasons").s(), item.toString());
        }
    }

    @Test
    void anImageOfEightyByEightyIsJudged() {
        byte[] photo = PhotoTransforms.jpeg(scaled("grace_hopper.jpg", 80, 80), 0.9f);

        detect(photo);
        var result = judge("uploads/small/80x80.jpg", photo);

        assertNotEquals("REJECTED", String.valueOf(result.decision()), result.toString());
    }

    private static List<FaceDetail> detect(byte[] image) {
        return rekognition.detectFaces(b -> b.image(i -> i.bytes(SdkBytes.fromByteArray(image)))).faceDetails();
    }

    private static DecisionReport.RecordResult judge(String key, byte[] image) {
        var put = stack.s3().putObject(b -> b.bucket(LocalMain.BUCKET).key(key), RequestBody.fromBytes(image));
        return LocalMain.deliver(handler, S3Events.objectCreated(LocalStack.REGION, LocalMain.BUCKET, key, image.length, put,
                ++sequencer));
    }

    private static Map<String, AttributeValue> auditItem(String key) {
        return stack.dynamoDb().scanPaginator(b -> b.tableName(LocalMain.TABLE).consistentRead(true)).items().stream()
                .filter(item -> item.containsKey("objectKey") && key.equals(item.get("objectKey").s()))
                .findFirst().orElseThrow(() -> new AssertionError("no audit item for " + key));
    }

    private static BufferedImage scaled(String sample, int width, int height) {
        var photo = PhotoTransforms.decode(SampleImages.named(sample).bytes());
        var out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(photo, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    /**
     * The sample enlarged {@code factor} times in the middle of a grey {@code width}×{@code height}
     * photo, with the grain of a high-ISO camera (±60 grey levels, seeded).
     */
    private static BufferedImage grainyPhoto(String sample, int width, int height, double factor) {
        var photo = PhotoTransforms.decode(SampleImages.named(sample).bytes());
        var out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setColor(new Color(120, 130, 140));
        g.fillRect(0, 0, width, height);
        int w = (int) (photo.getWidth() * factor);
        int h = (int) (photo.getHeight() * factor);
        g.drawImage(photo, (width - w) / 2, (height - h) / 2, w, h, null);
        g.dispose();
        var random = new Random(1);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            out.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int grain = random.nextInt(121) - 60;
                row[x] = level(row[x] >> 16, grain) << 16 | level(row[x] >> 8, grain) << 8 | level(row[x], grain);
            }
            out.setRGB(0, y, width, 1, row, 0, width);
        }
        return out;
    }

    private static int level(int channel, int grain) {
        return Math.max(0, Math.min(255, (channel & 0xFF) + grain));
    }
}
