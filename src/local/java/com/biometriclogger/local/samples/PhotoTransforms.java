package com.biometriclogger.local.samples;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;

/**
 * Strong, documented changes of one photograph, standing in for a second photo of the same person:
 * no registry package here ships two photographs of one person under a licence that allows
 * shipping them (see {@code samples/PROVENANCE.md}). Every genuine pair in the calibration is a
 * photo against one of these copies, and is labelled so wherever it is reported.
 */
public final class PhotoTransforms {

    /** A named change; {@link #apply} returns JPEG bytes. */
    public record Transform(String name, UnaryOperator<BufferedImage> change, float jpegQuality) {
        public byte[] apply(byte[] photo) {
            return jpeg(change.apply(decode(photo)), jpegQuality);
        }
    }

    /** The copies the calibration measures; each changes geometry, light or encoding, several change all three. */
    public static final List<Transform> ALL = List.of(
            new Transform("mirrored", PhotoTransforms::mirror, 0.9f),
            new Transform("rotated 12°", image -> rotate(image, 12), 0.9f),
            new Transform("rotated −15°, 70 % size", image -> scale(rotate(image, -15), 0.7), 0.9f),
            new Transform("half size", image -> scale(image, 0.5), 0.9f),
            new Transform("cropped to the head, 1.5× size", PhotoTransforms::cropToCentre, 0.9f),
            new Transform("brightness ×1.4", image -> light(image, 1.4f, 0), 0.9f),
            new Transform("darker (×0.55)", image -> light(image, 0.55f, 0), 0.9f),
            new Transform("grey-level", PhotoTransforms::grey, 0.9f),
            new Transform("JPEG quality 0.25", image -> image, 0.25f),
            new Transform("blurred (3×3 box)", PhotoTransforms::blur, 0.9f),
            new Transform("mirrored, brightness ×1.3, JPEG 0.5",
                    image -> light(mirror(image), 1.3f, 0), 0.5f),
            new Transform("rotated 8°, 80 % size, darker, JPEG 0.4",
                    image -> light(scale(rotate(image, 8), 0.8), 0.75f, -10), 0.4f));

    private PhotoTransforms() {
    }

    public static Transform named(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no transform " + name));
    }

    static BufferedImage mirror(BufferedImage image) {
        var transform = AffineTransform.getScaleInstance(-1, 1);
        transform.translate(-image.getWidth(), 0);
        return draw(image, image.getWidth(), image.getHeight(), transform);
    }

    /** Clockwise by {@code degrees} about the centre; the corners left empty are grey. */
    static BufferedImage rotate(BufferedImage image, double degrees) {
        var transform = AffineTransform.getRotateInstance(Math.toRadians(degrees), image.getWidth() / 2.0,
                image.getHeight() / 2.0);
        return draw(image, image.getWidth(), image.getHeight(), transform);
    }

    static BufferedImage scale(BufferedImage image, double factor) {
        int width = (int) Math.round(image.getWidth() * factor);
        int height = (int) Math.round(image.getHeight() * factor);
        return draw(image, width, height, AffineTransform.getScaleInstance(factor, factor));
    }

    /** The middle two thirds of the width and the top two thirds of the height, enlarged 1.5×. */
    static BufferedImage cropToCentre(BufferedImage image) {
        int x = image.getWidth() / 6;
        int width = image.getWidth() * 2 / 3;
        int height = image.getHeight() * 2 / 3;
        return scale(image.getSubimage(x, 0, width, height), 1.5);
    }

    /** Each channel × {@code gain} + {@code offset}, clipped to 0–255. */
    static BufferedImage light(BufferedImage image, float gain, float offset) {
        var out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                out.setRGB(x, y, channel(rgb >> 16, gain, offset) << 16 | channel(rgb >> 8, gain, offset) << 8
                        | channel(rgb, gain, offset));
            }
        }
        return out;
    }

    private static int channel(int value, float gain, float offset) {
        return Math.max(0, Math.min(255, Math.round((value & 0xFF) * gain + offset)));
    }

    static BufferedImage grey(BufferedImage image) {
        var out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        out.createGraphics().drawImage(image, 0, 0, null);
        return out;
    }

    static BufferedImage blur(BufferedImage image) {
        float[] kernel = new float[9];
        java.util.Arrays.fill(kernel, 1f / 9);
        var rgb = draw(image, image.getWidth(), image.getHeight(), new AffineTransform());
        return new ConvolveOp(new Kernel(3, 3, kernel), ConvolveOp.EDGE_NO_OP, null).filter(rgb, null);
    }

    private static BufferedImage draw(BufferedImage image, int width, int height, AffineTransform transform) {
        var out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = out.createGraphics();
        graphics.setColor(Color.GRAY);
        graphics.fillRect(0, 0, width, height);
        graphics.setComposite(AlphaComposite.SrcOver);
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        graphics.drawImage(image, transform, null);
        graphics.dispose();
        return out;
    }

    public static BufferedImage decode(byte[] photo) {
        try {
            return ImageIO.read(new ByteArrayInputStream(photo));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] jpeg(BufferedImage image, float quality) {
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var params = writer.getDefaultWriteParam();
        params.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        params.setCompressionQuality(quality);
        var bytes = new ByteArrayOutputStream();
        try (var out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), params);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
