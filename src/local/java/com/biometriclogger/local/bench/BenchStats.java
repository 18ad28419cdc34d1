package com.biometriclogger.local.bench;

import java.util.Arrays;

/** The benchmark's figures: percentiles over runs, rounded to one decimal. */
final class BenchStats {

    private BenchStats() {
    }

    static double median(double[] values) {
        return percentile(values, 50);
    }

    static double percentile(double[] values, int percentile) {
        if (Arrays.stream(values).allMatch(Double::isNaN)) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return round(sorted[Math.max(0, index)]);
    }

    /** One decimal, so sums print as 6.7 and not 6.699999999999999. */
    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }
}
