package com.biometriclogger.evidence;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A whole number exactly as the sealer writes it: ASCII digits, no sign, no leading zero, within a
 * bound. Anything else ({@code "00"}, {@code "+0"}, Arabic-Indic digits, which {@link Long#parseLong}
 * accepts) is refused, so one number has one written form and two readers can never disagree on it.
 */
final class CanonicalNumber {

    /** {@code [0-9]} rather than {@code \d}: Java's {@code \d} is ASCII only by default, but this says so. */
    private static final Pattern WRITTEN = Pattern.compile("0|[1-9][0-9]{0,17}");

    private CanonicalNumber() {
    }

    /** @throws IllegalArgumentException unless {@code written} is canonical and at most {@code max} */
    static long parse(String name, @Nullable String written, long max) {
        if (written == null || !WRITTEN.matcher(written).matches()) {
            throw new IllegalArgumentException(name + " '" + written + "' is not a number as the sealer writes it");
        }
        long value = Long.parseLong(written);
        if (value > max) {
            throw new IllegalArgumentException(name + " " + value + " is above " + max);
        }
        return value;
    }
}
