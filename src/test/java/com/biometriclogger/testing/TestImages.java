package com.biometriclogger.testing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Real, decodable images made on the fly; distinct seeds give distinct bytes (and hashes). */
public final class TestImages {

    private TestImages() {
    }

    public static byte[] jpeg(long seed) {
        return encode(noise(seed, 64, 64), "jpg");
    }

    public static byte[] png(long seed) {
        return encode(noise(seed, 64, 64), "png");
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
