package com.biometriclogger.decision;

import java.util.Optional;

/** Rejects, before any Rekognition call, input that Rekognition could never judge, reading only the head. */
public final class ImageScreen {

    private ImageScreen() {
    }

    /**
     * The largest image judged: Rekognition's limit for an image it reads from S3 (15 MiB). Larger
     * uploads are REJECTED unread rather than sent to fail there.
     */
    public static final long MAX_IMAGE_BYTES = 15L * 1024 * 1024;

    public static Optional<ReasonCode> rejectionOf(ImageContent content) {
        if (content.size() == 0) {
            return Optional.of(ReasonCode.EMPTY_OBJECT);
        }
        if (content.size() > MAX_IMAGE_BYTES) {
            return Optional.of(ReasonCode.TOO_LARGE);
        }
        var format = ImageFormat.sniff(content.head());
        if (format.isEmpty()) {
            return Optional.of(ReasonCode.UNSUPPORTED_FORMAT);
        }
        if (format.get() == ImageFormat.PNG && pngPixels(content.head()) > MAX_PIXELS) {
            return Optional.of(ReasonCode.DIMENSIONS_TOO_LARGE);
        }
        return Optional.empty();
    }

    /**
     * No camera photograph that fits Rekognition's 15 MB has more pixels than this; a PNG header
     * claiming more is a decompression bomb aimed at whatever decodes it downstream.
     */
    static final long MAX_PIXELS = 100_000_000L;

    /** Width × height from the IHDR chunk that must follow the PNG signature; 0 if absent. */
    private static long pngPixels(byte[] head) {
        if (head.length < 24 || head[12] != 'I' || head[13] != 'H' || head[14] != 'D' || head[15] != 'R') {
            return 0;
        }
        return unsignedInt(head, 16) * unsignedInt(head, 20);
    }

    private static long unsignedInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFFL) << 24) | ((bytes[offset + 1] & 0xFFL) << 16)
                | ((bytes[offset + 2] & 0xFFL) << 8) | (bytes[offset + 3] & 0xFFL);
    }
}
