package com.biometriclogger.util;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Number formatting for stored evidence: plain decimal, never exponent notation. */
public final class Numbers {

    private Numbers() {
    }

    /** The shortest decimal that reads back as the same float: 90 → "90", 99.99846 → "99.99846". */
    public static String plain(float value) {
        return new BigDecimal(Float.toString(value)).stripTrailingZeros().toPlainString();
    }

    public static String plainOrEmpty(@Nullable Float value) {
        return value == null ? "" : plain(value);
    }
}
