package com.biometriclogger.report;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an image and re-encodes it small, so the page carries pixels of our making, never the
 * stored bytes (whatever they hide). An uploader chose those bytes: the dimensions are read from the
 * header and refused above {@link #MAX_PIXELS} before any pixel is decoded, and a large image is
 * decoded subsampled, so a small file claiming a huge raster cannot exhaust the heap.
 */
final class ThumbnailImage {

    /** The longest edge of a thumbnail, in CSS pixels. */
    static final int MAX_EDGE = 160;
    /** Rekognition's own limit is 4096 px an edge; four times its area is no honest upload. */
    static final long MAX_PIXELS = 4L * 4096 * 4096;

    private ThumbnailImage() {
    }

    /** @throws IOException when the bytes are no image this reader decodes, or too many pixels */
    static Thumbnail.Shown of(byte[] image) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("no decoder for these bytes");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MAX_PIXELS) {
                    throw new IOException(width + " x " + height + " pixels, more than " + MAX_PIXELS);
                }
                var param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / (2 * MAX_EDGE));
                param.setSourceSubsampling(step, step, 0, 0);
                return encode(reader.read(0, param), width, height);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Scaled to the original's proportions, so the recorded box fractions land where they did on it. */
    private static Thumbnail.Shown encode(BufferedImage decoded, int width, int height) throws IOException {
        double scale = Math.min(1.0, MAX_EDGE / (double) Math.max(width, height));
        int thumbWidth = Math.max(1, (int) Math.round(width * scale));
        int thumbHeight = Math.max(1, (int) Math.round(height * scale));
        var thumb = new BufferedImage(thumbWidth, thumbHeight, BufferedImage.TYPE_INT_RGB);
        var graphics = thumb.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(decoded, 0, 0, thumbWidth, thumbHeight, null);
        } finally {
            graphics.dispose();
        }
        var out = new ByteArrayOutputStream();
        if (!ImageIO.write(thumb, "jpeg", out)) {
            throw new IOException("no JPEG encoder");
        }
        return new Thumbnail.Shown("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(out.toByteArray()),
                thumbWidth, thumbHeight);
    }
}
