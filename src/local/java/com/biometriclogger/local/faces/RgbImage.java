package com.biometriclogger.local.faces;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * An image's pixels as packed RGB, with the sampling every model's crop is built from: each crop
 * is an inverse mapping from the model's input grid into the image, so scaling, cropping and the
 * face alignment's rotation are one operation, and pixels outside are black.
 *
 * <p>A crop that shrinks the image averages areas instead of picking pixels: a 4000×3000 photo
 * read point by point into the detector's 320×240 keeps one pixel in 150, so its grain and fine
 * detail alias into patterns that hide a 500-pixel face. Each crop reads, bilinearly, the halving
 * of the image (every pixel the mean of a 2×2 block of the one before) whose pixels are as large
 * as the crop's own or just under: mipmapping.
 */
final class RgbImage {

    private final int[] rgb;
    private final int width;
    private final int height;
    /** This image, then each halving of it, made when a crop first needs it; one request's, one thread's. */
    private final List<RgbImage> halvings = new ArrayList<>(List.of(this));

    private RgbImage(int[] rgb, int width, int height) {
        this.rgb = rgb;
        this.width = width;
        this.height = height;
    }

    static RgbImage of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        return new RgbImage(image.getRGB(0, 0, width, height, null, 0, width), width, height);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int rgb(int x, int y) {
        return rgb[y * width + x];
    }

    /** Maps a point of the model's input grid (column, row) to image coordinates. */
    interface Mapping {
        void toImage(double column, double row, double[] xy);
    }

    /** The axis-aligned rectangle (left, top, right, bottom in pixels) stretched onto columns × rows. */
    static Mapping rectangle(double left, double top, double right, double bottom, int columns, int rows) {
        double sx = (right - left) / columns;
        double sy = (bottom - top) / rows;
        return (column, row, xy) -> {
            xy[0] = left + (column + 0.5) * sx - 0.5;
            xy[1] = top + (row + 0.5) * sy - 0.5;
        };
    }

    /**
     * Samples columns × rows pixels through the mapping, as planar channels (R, G, B) or, with
     * {@code grey}, one plane of Rec. 601 luma; each value is {@code (v - offset) / divisor}.
     */
    float[] sample(Mapping mapping, int columns, int rows, boolean grey, float offset, float divisor) {
        int plane = columns * rows;
        float[] out = new float[grey ? plane : 3 * plane];
        double[] xy = new double[2];
        float[] pixel = new float[3];
        int level = level(footprint(mapping));
        RgbImage source = halving(level);
        double size = 1 << level;
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                mapping.toImage(column, row, xy);
                source.bilinear((xy[0] + 0.5) / size - 0.5, (xy[1] + 0.5) / size - 0.5, pixel);
                int i = row * columns + column;
                if (grey) {
                    out[i] = (0.299f * pixel[0] + 0.587f * pixel[1] + 0.114f * pixel[2] - offset) / divisor;
                } else {
                    out[i] = (pixel[0] - offset) / divisor;
                    out[plane + i] = (pixel[1] - offset) / divisor;
                    out[2 * plane + i] = (pixel[2] - offset) / divisor;
                }
            }
        }
        return out;
    }

    /** How many image pixels one step of the model's grid spans, along its longer side. */
    static double footprint(Mapping mapping) {
        double[] origin = new double[2];
        double[] right = new double[2];
        double[] down = new double[2];
        mapping.toImage(0, 0, origin);
        mapping.toImage(1, 0, right);
        mapping.toImage(0, 1, down);
        return Math.max(Math.hypot(right[0] - origin[0], right[1] - origin[1]),
                Math.hypot(down[0] - origin[0], down[1] - origin[1]));
    }

    /** Beyond 2^15 times smaller every image here (40 million pixels at most) is one pixel. */
    private static final int MAX_LEVEL = 15;

    /** The halving whose pixels span {@code footprint} image pixels or just under (0: the image itself). */
    static int level(double footprint) {
        int level = 0;
        while (level < MAX_LEVEL && footprint >= 2 << level) {
            level++;
        }
        return level;
    }

    private RgbImage halving(int level) {
        while (halvings.size() <= level) {
            halvings.add(halvings.get(halvings.size() - 1).halved());
        }
        return halvings.get(level);
    }

    /** Half the size, each pixel the mean of a 2×2 block (an odd last row or column is dropped). */
    private RgbImage halved() {
        int w = Math.max(1, width / 2);
        int h = Math.max(1, height / 2);
        int[] half = new int[w * h];
        for (int y = 0; y < h; y++) {
            int y0 = Math.min(2 * y, height - 1);
            int y1 = Math.min(2 * y + 1, height - 1);
            for (int x = 0; x < w; x++) {
                int x0 = Math.min(2 * x, width - 1);
                int x1 = Math.min(2 * x + 1, width - 1);
                half[y * w + x] = mean(rgb[y0 * width + x0], rgb[y0 * width + x1], rgb[y1 * width + x0], rgb[y1 * width + x1]);
            }
        }
        return new RgbImage(half, w, h);
    }

    private static int mean(int a, int b, int c, int d) {
        int red = (((a >> 16) & 0xFF) + ((b >> 16) & 0xFF) + ((c >> 16) & 0xFF) + ((d >> 16) & 0xFF) + 2) / 4;
        int green = (((a >> 8) & 0xFF) + ((b >> 8) & 0xFF) + ((c >> 8) & 0xFF) + ((d >> 8) & 0xFF) + 2) / 4;
        int blue = ((a & 0xFF) + (b & 0xFF) + (c & 0xFF) + (d & 0xFF) + 2) / 4;
        return red << 16 | green << 8 | blue;
    }

    private void bilinear(double x, double y, float[] pixel) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        float fx = (float) (x - x0);
        float fy = (float) (y - y0);
        pixel[0] = 0;
        pixel[1] = 0;
        pixel[2] = 0;
        accumulate(x0, y0, (1 - fx) * (1 - fy), pixel);
        accumulate(x0 + 1, y0, fx * (1 - fy), pixel);
        accumulate(x0, y0 + 1, (1 - fx) * fy, pixel);
        accumulate(x0 + 1, y0 + 1, fx * fy, pixel);
    }

    private void accumulate(int x, int y, float weight, float[] pixel) {
        if (weight == 0 || x < 0 || y < 0 || x >= width || y >= height) {
            return;
        }
        int value = rgb[y * width + x];
        pixel[0] += weight * ((value >> 16) & 0xFF);
        pixel[1] += weight * ((value >> 8) & 0xFF);
        pixel[2] += weight * (value & 0xFF);
    }
}
