package com.biometriclogger.report;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * What page a screenshot shows, written into the PNG itself (a {@code tEXt} chunk, which every viewer
 * ignores), so the committed screenshot can be held against the page the test renders now without
 * comparing pixels, which differ with fonts, anti-aliasing and the time printed on the page.
 */
final class ScreenshotStamp {

    private static final String KEYWORD = "biometric-logger-page";
    /** The PNG signature, then the IHDR chunk: length, type, 13 bytes of data, CRC. */
    private static final int AFTER_HEADER = 8 + 4 + 4 + 13 + 4;

    private ScreenshotStamp() {
    }

    /** The PNG with {@code page} (ASCII) in a text chunk right after its header. */
    static byte[] stamp(byte[] png, String page) {
        byte[] data = (KEYWORD + "\0" + page).getBytes(StandardCharsets.ISO_8859_1);
        byte[] type = "tEXt".getBytes(StandardCharsets.US_ASCII);
        var crc = new CRC32();
        crc.update(type);
        crc.update(data);
        var chunk = ByteBuffer.allocate(12 + data.length).putInt(data.length).put(type).put(data).putInt((int) crc.getValue());
        return ByteBuffer.allocate(png.length + chunk.capacity()).put(png, 0, AFTER_HEADER).put(chunk.array())
                .put(png, AFTER_HEADER, png.length - AFTER_HEADER).array();
    }

    /** The page a stamped PNG says it shows; empty when it carries no stamp. */
    static Optional<String> read(byte[] png) {
        var in = ByteBuffer.wrap(png);
        in.position(8);
        while (in.remaining() >= 12) {
            int length = in.getInt();
            byte[] type = new byte[4];
            in.get(type);
            byte[] data = new byte[length];
            in.get(data);
            in.getInt();
            String text = new String(data, StandardCharsets.ISO_8859_1);
            if (Arrays.equals(type, "tEXt".getBytes(StandardCharsets.US_ASCII)) && text.startsWith(KEYWORD + "\0")) {
                return Optional.of(text.substring(KEYWORD.length() + 1));
            }
        }
        return Optional.empty();
    }
}
