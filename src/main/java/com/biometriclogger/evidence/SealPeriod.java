package com.biometriclogger.evidence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The hour (UTC) a decision belongs to for completeness seals, written {@code 2026-05-03T08}. An
 * hour bounds how long a deletion can go unnoticed before its period is sealed.
 */
public final class SealPeriod {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    private SealPeriod() {
    }

    public static String of(Instant instant) {
        return FORMAT.format(instant);
    }

    public static Instant start(String period) {
        return Instant.parse(period + ":00:00Z");
    }

    public static Instant end(String period) {
        return start(period).plus(1, ChronoUnit.HOURS);
    }

    public static String next(String period) {
        return of(end(period));
    }
}
