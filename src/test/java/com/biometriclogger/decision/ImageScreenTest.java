package com.biometriclogger.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageScreenTest {

    private static final byte[] JPEG_HEAD = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
    private static final byte[] PNG_HEAD = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private static ImageContent content(long size, byte[] head) {
        return new ImageContent(Optional.of("hash"), size, head, Optional.empty());
    }

    @Test
    void jpegAndPngAreRecognisedByMagicBytes() {
        assertEquals(Optional.of(ImageFormat.JPEG), ImageFormat.sniff(JPEG_HEAD));
        assertEquals(Optional.of(ImageFormat.PNG), ImageFormat.sniff(PNG_HEAD));
        assertEquals(Optional.empty(), ImageFormat.sniff("GIF89a".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.empty(), ImageFormat.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8}));
    }

    @Test
    void emptyObjectIsRejectedFirst() {
        assertEquals(Optional.of(ReasonCode.EMPTY_OBJECT), ImageScreen.rejectionOf(content(0, new byte[0])));
    }

    @Test
    void fifteenMegabytesExactlyIsAcceptedAndOneByteMoreIsTooLarge() {
        assertEquals(Optional.empty(), ImageScreen.rejectionOf(content(ImageScreen.MAX_IMAGE_BYTES, JPEG_HEAD)));
        assertEquals(Optional.of(ReasonCode.TOO_LARGE),
                ImageScreen.rejectionOf(content(ImageScreen.MAX_IMAGE_BYTES + 1, new byte[0])));
    }

    @Test
    void aPngHeaderClaimingMoreThanAHundredMegapixelsIsRejectedUndecoded() {
        assertEquals(Optional.of(ReasonCode.DIMENSIONS_TOO_LARGE), ImageScreen.rejectionOf(content(60, pngHead(100_000, 100_000))));
        assertEquals(Optional.of(ReasonCode.DIMENSIONS_TOO_LARGE), ImageScreen.rejectionOf(content(60, pngHead(10_001, 10_000))));
        assertEquals(Optional.empty(), ImageScreen.rejectionOf(content(60, pngHead(10_000, 10_000))));
        assertEquals(Optional.empty(), ImageScreen.rejectionOf(content(60, pngHead(4032, 3024))));
    }

    /** Each byte of the big-endian sizes counts: a bomb may put its size in the high bytes alone. */
    @Test
    void everyByteOfTheHeaderSizesCountsDownToTheShortestHeader() {
        assertEquals(Optional.of(ReasonCode.DIMENSIONS_TOO_LARGE), ImageScreen.rejectionOf(content(60, pngHead(1 << 24, 7))));
        assertEquals(Optional.of(ReasonCode.DIMENSIONS_TOO_LARGE), ImageScreen.rejectionOf(content(60, pngHead(1 << 16, 2000))));
        byte[] shortest = java.util.Arrays.copyOf(pngHead(100_000, 100_000), 24);
        assertEquals(Optional.of(ReasonCode.DIMENSIONS_TOO_LARGE), ImageScreen.rejectionOf(content(60, shortest)));
    }

    private static byte[] pngHead(int width, int height) {
        return java.nio.ByteBuffer.allocate(32).put(PNG_HEAD).putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).array();
    }

    @Test
    void aTextFileNamedJpgIsUnsupported() {
        assertEquals(Optional.of(ReasonCode.UNSUPPORTED_FORMAT),
                ImageScreen.rejectionOf(content(12, "hello world!".getBytes(StandardCharsets.US_ASCII))));
    }
}
