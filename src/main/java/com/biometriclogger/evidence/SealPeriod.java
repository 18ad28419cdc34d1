package com.biometriclogger.evidence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The hour (UTC) a decision belongs to for completeness seals, written {@code 2026-05-03T08}. An
 * hour bounds how long a deletion can go unnoticed before its period is sealed.
 */
public final class SealPeriod {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH", Locale.ROOT).withZone(ZoneOffset.UTC);

    private SealPeriod() {
    }

    /**
     * @return the period, if it is one: four-digit years only, so a far-future or malformed period
     *         is refused here rather than walked hour by hour
     * @throws IllegalArgumentException otherwise
     */
    public static String validated(String period) {
        if (period == null || !period.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}")) {
            throw new IllegalArgumentException("'" + period + "' is not an hour like 2026-05-03T08");
        }
        try {
            if (!of(start(period)).equals(period)) {
                throw new IllegalArgumentException("'" + period + "' is not an hour like 2026-05-03T08");
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + period + "' is not an hour like 2026-05-03T08", e);
        }
        return period;
    }

    /** Whole hours from {@code from} to {@code to} (negative when {@code to} is earlier). */
    public static long hoursBetween(String from, String to) {
        return ChronoUnit.HOURS.between(start(from), start(to));
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

    public static String previous(String period) {
        return of(start(period).minus(1, ChronoUnit.HOURS));
    }
}
