package com.biometriclogger.local.faces;

/**
 * Brightness and sharpness of a face, computed from the pixels inside its bounding box, on
 * Rekognition's 0–100 scales.
 *
 * <ul>
 *   <li>Brightness: mean luma (Rec. 601) of the box, ×100/255.</li>
 *   <li>Sharpness: variance v of the 4-neighbour Laplacian of the luma over the box, mapped to
 *       100·(1 − e^(−v/{@value #SHARPNESS_SCALE})): 0 for a flat patch, approaching 100 as edges
 *       sharpen. The scale is calibrated so the bundled astronaut photo scores in the 90s
 *       (94 in the detector's box) and three passes of a 3×3 box blur take it below the default
 *       minimum of 20 (9).</li>
 * </ul>
 */
record FaceQuality(float brightness, float sharpness) {

    static final double SHARPNESS_SCALE = 400.0;

    static FaceQuality of(RgbImage image, FacePipeline.Box box) {
        int left = clamp(Math.round(box.left()), image.width());
        int top = clamp(Math.round(box.top()), image.height());
        int right = clamp(Math.round(box.right()), image.width());
        int bottom = clamp(Math.round(box.bottom()), image.height());
        int width = right - left;
        int height = bottom - top;
        if (width < 3 || height < 3) {
            return new FaceQuality(0f, 0f);
        }
        double[][] luma = new double[height][width];
        double sum = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.rgb(left + x, top + y);
                luma[y][x] = 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
                sum += luma[y][x];
            }
        }
        double lapSum = 0;
        double lapSquares = 0;
        int count = 0;
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                double lap = luma[y - 1][x] + luma[y + 1][x] + luma[y][x - 1] + luma[y][x + 1] - 4 * luma[y][x];
                lapSum += lap;
                lapSquares += lap * lap;
                count++;
            }
        }
        double mean = lapSum / count;
        double variance = lapSquares / count - mean * mean;
        float brightness = (float) (sum / (width * height) * 100 / 255);
        float sharpness = (float) (100 * (1 - Math.exp(-variance / SHARPNESS_SCALE)));
        return new FaceQuality(brightness, sharpness);
    }

    private static int clamp(int value, int max) {
        return Math.max(0, Math.min(max, value));
    }
}
