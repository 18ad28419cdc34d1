package com.biometriclogger.local.faces;

import java.awt.image.BufferedImage;

/**
 * An image's pixels as packed RGB, with the bilinear sampling every model's crop is built from:
 * each crop is an inverse mapping from the model's input grid into the image, so scaling,
 * cropping and the face alignment's rotation are one operation, and pixels outside are black.
 */
final class RgbImage {

    private final int[] rgb;
    private final int width;
    private final int height;

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
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                mapping.toImage(column, row, xy);
                bilinear(xy[0], xy[1], pixel);
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
