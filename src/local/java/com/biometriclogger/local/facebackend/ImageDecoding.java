package com.biometriclogger.local.facebackend;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

/**
 * Decodes an image the endpoint was sent, refusing what the service refuses: anything but a JPEG
 * or PNG that decodes completely, and anything under its minimum size. ImageIO fills a cut-off
 * JPEG with grey and only warns; the service answers InvalidImageFormatException, so a warning is
 * a refusal here.
 */
final class ImageDecoding {

    /** Refuse to decode more pixels than this: a few bytes of PNG header can claim gigapixels. */
    static final long MAX_PIXELS = 40_000_000L;

    /**
     * The service's minimum width and height ("Guidelines and quotas in Amazon Rekognition": "The
     * minimum image dimensions is 80 pixels for both height and width").
     */
    static final int MIN_SIDE = 80;

    private ImageDecoding() {
    }

    /** Reads the dimensions from the header first, so a decompression bomb is refused unread. */
    static BufferedImage decode(byte[] image) throws RekognitionError {
        if (!looksLikeJpegOrPng(image)) {
            // ImageIO would read a GIF or BMP too; the service reads neither.
            throw RekognitionError.invalidImageFormat("Request has invalid image format");
        }
        try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw RekognitionError.invalidImageFormat("Request has invalid image format");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                var incomplete = new AtomicReference<String>();
                reader.addIIOReadWarningListener((source, warning) -> incomplete.compareAndSet(null, warning));
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (reader.getWidth(0) < MIN_SIDE || reader.getHeight(0) < MIN_SIDE) {
                    throw RekognitionError.invalidParameter();
                }
                if (pixels > MAX_PIXELS) {
                    throw RekognitionError.imageTooLarge("Image dimensions " + reader.getWidth(0) + "x"
                            + reader.getHeight(0) + " exceed the limit of " + MAX_PIXELS + " pixels");
                }
                var decoded = reader.read(0);
                if (incomplete.get() != null) {
                    throw RekognitionError.invalidImageFormat("Request has invalid image format");
                }
                return decoded;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // ImageIO's own exceptions (a PNG cut inside its image data, a broken header) say the same.
            throw RekognitionError.invalidImageFormat("Request has invalid image format");
        }
    }

    static boolean looksLikeJpegOrPng(byte[] bytes) {
        boolean jpeg = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF;
        boolean png = bytes.length >= 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G';
        return jpeg || png;
    }
}
