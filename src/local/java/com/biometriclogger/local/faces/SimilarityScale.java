package com.biometriclogger.local.faces;

/**
 * Turns the cosine of two face embeddings into CompareFaces' 0–100 {@code Similarity}:
 * a logistic curve 100 / (1 + e^(−k·(cos − c₀))) whose centre c₀ is the middle of the gap
 * between the highest impostor and the lowest genuine cosine measured on the bundled samples, and
 * whose steepness k sends those two edges of the gap to 1 and 99. So on those pairs the
 * template's default {@code MinSimilarity} of 95 accepts every genuine pair and no impostor, as
 * it does in AWS. {@link SimilarityCalibration} measures the pairs and refits both constants;
 * {@code SimilarityCalibrationIT} fails when the shipped ones no longer match the measurement.
 */
final class SimilarityScale {

    static final double CENTRE = 0.41;
    static final double STEEPNESS = 27.8;

    private SimilarityScale() {
    }

    static float similarity(double cosine) {
        return similarity(cosine, CENTRE, STEEPNESS);
    }

    static float similarity(double cosine, double centre, double steepness) {
        return (float) (100 / (1 + Math.exp(-steepness * (cosine - centre))));
    }

    /** The centre and steepness that send the highest impostor cosine to 1 and the lowest genuine to 99. */
    static double[] fit(double highestImpostor, double lowestGenuine) {
        if (lowestGenuine <= highestImpostor) {
            throw new IllegalArgumentException("genuine and impostor cosines overlap (" + lowestGenuine + " <= "
                    + highestImpostor + "): no threshold separates them");
        }
        double centre = (highestImpostor + lowestGenuine) / 2;
        return new double[] {centre, Math.log(99) / (lowestGenuine - centre)};
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
