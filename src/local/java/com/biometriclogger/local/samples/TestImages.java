package com.biometriclogger.local.samples;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Real, decodable images of random noise made on the fly; distinct seeds give distinct bytes (and
 * hashes). In {@code src/local}, beside the local stack, because the soak and the benchmark upload
 * them too: the local Rekognition endpoint refuses, as the service does, anything that does not
 * decode completely.
 */
public final class TestImages {

    private TestImages() {
    }

    /**
     * The side of the small images: just over the service's 80-pixel minimum (the local endpoint
     * refuses smaller ones, as the service does), about 6 KB, cheap enough to make a thousand of.
     */
    public static final int SMALL_SIDE = 96;

    /** {@link #SMALL_SIDE} square. */
    public static byte[] jpeg(long seed) {
        return jpeg(seed, SMALL_SIDE);
    }

    /** {@code side}×{@code side}; noise compresses to about 0.6 bytes a pixel. */
    public static byte[] jpeg(long seed, int side) {
        return encode(noise(seed, side, side), "jpg");
    }

    public static byte[] png(long seed) {
        return encode(noise(seed, SMALL_SIDE, SMALL_SIDE), "png");
    }

    /** A PNG of random noise: incompressible, so {@code side}² × 3 bytes or a little more. */
    public static byte[] noisePng(long seed, int side) {
        return encode(noise(seed, side, side), "png");
    }

    private static BufferedImage noise(long seed, int width, int height) {
        var random = new Random(seed);
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            var out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
