package com.biometriclogger.evidence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The hour (UTC) a decision belongs to for completeness seals, written {@code 2026-05-03T08}. An
 * hour bounds how long a deletion can go unnoticed before its period is sealed. Parsed once, at the
 * edge, so the code past it compares and steps hours instead of strings.
 *
 * @param start the first instant of the hour
 */
public record SealPeriod(Instant start) implements Comparable<SealPeriod> {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** Four-digit years only, so a far-future or malformed period is refused here rather than walked hour by hour. */
    private static final Pattern WRITTEN = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}");

    public SealPeriod {
        if (!start.truncatedTo(ChronoUnit.HOURS).equals(start)) {
            throw new IllegalArgumentException(start + " does not begin an hour");
        }
    }

    /** @throws IllegalArgumentException unless {@code written} is an hour exactly as {@link #toString} writes it */
    public static SealPeriod parse(@Nullable String written) {
        if (written == null || !WRITTEN.matcher(written).matches()) {
            throw notAnHour(written, null);
        }
        try {
            var period = new SealPeriod(Instant.parse(written + ":00:00Z"));
            if (!period.toString().equals(written)) {
                throw notAnHour(written, null);
            }
            return period;
        } catch (DateTimeParseException e) {
            throw notAnHour(written, e);
        }
    }

    public static SealPeriod containing(Instant instant) {
        return new SealPeriod(instant.truncatedTo(ChronoUnit.HOURS));
    }

    public Instant end() {
        return start.plus(1, ChronoUnit.HOURS);
    }

    public SealPeriod next() {
        return new SealPeriod(end());
    }

    public SealPeriod previous() {
        return minusHours(1);
    }

    public SealPeriod minusHours(long hours) {
        return new SealPeriod(start.minus(hours, ChronoUnit.HOURS));
    }

    /** Whole hours from this period to {@code later} (negative when {@code later} is earlier). */
    public long hoursUntil(SealPeriod later) {
        return ChronoUnit.HOURS.between(start, later.start);
    }

    public boolean isBefore(SealPeriod other) {
        return start.isBefore(other.start);
    }

    public boolean isAfter(SealPeriod other) {
        return start.isAfter(other.start);
    }

    @Override
    public int compareTo(SealPeriod other) {
        return start.compareTo(other.start);
    }

    /** The stored form, {@code 2026-05-03T08}. */
    @Override
    public String toString() {
        return FORMAT.format(start);
    }

    private static IllegalArgumentException notAnHour(@Nullable String written, @Nullable Exception cause) {
        return new IllegalArgumentException("'" + written + "' is not an hour like 2026-05-03T08", cause);
    }
}
