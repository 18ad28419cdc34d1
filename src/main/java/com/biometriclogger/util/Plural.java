package com.biometriclogger.util;

/** A count with its noun as people write it: "1 hour", "48 hours", never "hour(s)". */
public final class Plural {

    private Plural() {
    }

    /** @param noun singular; the plural adds an "s" (every noun we print takes one) */
    public static String of(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
