package com.biometriclogger.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.decision.ImageContent;
import com.biometriclogger.decision.ObjectVersion;
import com.biometriclogger.decision.ReasonCode;
import com.biometriclogger.decision.StoredImage;
import com.biometriclogger.decision.UnjudgeableImageException;
import com.biometriclogger.evidence.EvidenceReport;
import com.biometriclogger.evidence.SealPeriod;
import com.biometriclogger.evidence.SignatureChecked;
import com.biometriclogger.evidence.StoredItem;
import com.biometriclogger.util.Sha256;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** {@code --with-images} as text: the warning first, boxes from the recorded figures, nothing of an image without it. */
class ReportImagesTest {

    private static final byte[] IMAGE = jpeg(200, 100);
    private static final String SHA256 = Sha256.hex(Sha256.newDigest().digest(IMAGE));

    private final List<ObjectVersion> reads = new ArrayList<>();

    @Test
    void withoutTheFlagThePageHoldsNoImageBytesAndReadsNone() {
        String page = page(Optional.empty(), item("uploads/a.jpg", "v1", SHA256, "0.25,0.5,0.5,0.25"));

        assertFalse(page.contains("data:image") || page.contains("<image") || page.contains(ImagesCell.BIOMETRIC_WARNING)
                || page.contains("id=\"biometric\""), page);
        assertEquals(List.of(), reads, "no image read");
    }

    @Test
    void theWarningComesFirstAndTheBoxIsDrawnWhereTheFiguresSay() {
        String page = page(Optional.of(new Thumbnails(this::read)), item("uploads/a.jpg", "v1", SHA256,
                "0.25,0.5,0.5,0.25;0.7,0.1,0.1,0.2"));

        assertEquals("<!-- " + ImagesCell.BIOMETRIC_WARNING + " -->", page.lines().findFirst().orElseThrow());
        assertTrue(page.indexOf("<body><p id=\"biometric\"") > 0, "the first thing on screen: " + page);
        assertTrue(page.contains("<svg width=\"160\" height=\"80\" viewBox=\"0 0 160 80\" role=\"img\" aria-label=\"judged image\">"
                + "<image href=\"data:image/jpeg;base64,"), page);
        assertTrue(page.contains("<rect class=\"box judged\" x=\"40.00\" y=\"40.00\" width=\"80.00\" height=\"20.00\"></rect>"
                + "<rect class=\"box other\" x=\"112.00\" y=\"8.00\" width=\"16.00\" height=\"16.00\"></rect>"), page);
        assertEquals(List.of(new ObjectVersion("bucket", "uploads/a.jpg", "v1", "")), reads);
    }

    @Test
    void anErasedOrChangedImageIsSaidSoAndTheReportGoesOn() {
        String page = page(Optional.of(new Thumbnails(this::read)), item("uploads/erased.jpg", "v1", SHA256, ""),
                item("uploads/a.jpg", "v2", "00".repeat(32), "0.25,0.5,0.5,0.25"));

        assertTrue(page.contains("judged image not available: this version is no longer in the bucket (erased or deleted)"),
                page);
        assertTrue(page.contains("judged image not shown: this version&#39;s bytes no longer match the recorded SHA-256"), page);
        assertFalse(page.contains("data:image"), page);
    }

    @Test
    void figuresThatDoNotReadDrawNoBoxAndStayOffThePage() {
        String page = page(Optional.of(new Thumbnails(this::read)), item("uploads/a.jpg", "v1", SHA256,
                "0.25,0.5,0.5,0.25\"><script>window.pwned=1</script>"));

        assertTrue(page.contains("judged, face boxes not drawn: the recorded figures do not read"), page);
        assertFalse(page.contains("<rect class=\"box") || page.contains("pwned"), page);
    }

    @Test
    void thePageCarriesPixelsOfOurMakingNeverTheStoredBytes() throws IOException {
        byte[] trailer = "<script>window.pwned=1</script>".getBytes(StandardCharsets.US_ASCII);
        byte[] polyglot = ByteBuffer.allocate(IMAGE.length + trailer.length).put(IMAGE).put(trailer).array();

        var shown = ThumbnailImage.of(polyglot);

        byte[] embedded = Base64.getDecoder().decode(shown.dataUrl().substring("data:image/jpeg;base64,".length()));
        assertFalse(new String(embedded, StandardCharsets.ISO_8859_1).contains("pwned"), "re-encoded, the trailer gone");
        var decoded = ImageIO.read(new ByteArrayInputStream(embedded));
        assertEquals(List.of(160, 80), List.of(decoded.getWidth(), decoded.getHeight()), "at most 160 px an edge");
    }

    @Test
    void aHeaderClaimingAHugeRasterIsRefusedBeforeAnyPixelIsDecoded() {
        var ihdr = ByteBuffer.allocate(13).putInt(100_000).putInt(100_000).put(new byte[] {8, 2, 0, 0, 0}).array();
        var crc = new CRC32();
        crc.update("IHDR".getBytes(StandardCharsets.US_ASCII));
        crc.update(ihdr);
        byte[] png = ByteBuffer.allocate(8 + 25).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})
                .putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).put(ihdr).putInt((int) crc.getValue()).array();

        var refused = assertThrows(IOException.class, () -> ThumbnailImage.of(png));

        assertEquals("100000 x 100000 pixels, more than 67108864", refused.getMessage());
    }

    private StoredImage read(ObjectVersion version) {
        reads.add(version);
        if (version.key().contains("erased")) {
            throw new UnjudgeableImageException(ReasonCode.OBJECT_GONE, "NoSuchVersion", null);
        }
        return new StoredImage(version, new ImageContent(Optional.of(SHA256), IMAGE.length,
                Arrays.copyOf(IMAGE, ImageContent.HEAD_LENGTH), Optional.of(IMAGE)));
    }

    private static Map<String, String> item(String key, String version, String sha256, String boxes) {
        var item = new HashMap<String, String>();
        item.putAll(Map.of("attemptId", key, "bucket", "bucket", "objectKey", key, "versionId", version, "sha256", sha256,
                "faceBoxes", boxes, "decision", "AUTHORIZED", "sealPeriod", "2026-05-03T08", "decidedAt", "2026-05-03T08:10:00Z"));
        return item;
    }

    @SafeVarargs
    private static String page(Optional<Thumbnails> images, Map<String, String>... items) {
        var ledger = new LedgerRead();
        for (var item : items) {
            ledger.addItem(new SignatureChecked(new StoredItem(item, List.of()), Optional.empty(), Optional.empty()));
        }
        var report = new EvidenceReport(items.length, items.length, 1, Optional.of(SealPeriod.parse("2026-05-03T08")),
                Optional.of(SealPeriod.parse("2026-05-03T08")), 0, Optional.empty(), Optional.empty(), 0, 0,
                List.of(), List.of(), List.of(), 0, 0);
        var context = new ReportContext("verify --html r.html --with-images", "test", Instant.parse("2026-05-03T12:00:00Z"),
                "t", "t-seals", List.of(), List.of(), Optional.empty(), false, false, "INTACT", 0);
        return ReportPage.render(context, report, ledger, images);
    }

    private static byte[] jpeg(int width, int height) {
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

}
