package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SealPeriodTest {

    @Test
    void aPeriodIsParsedFromAndPrintedToItsStoredForm() {
        var period = SealPeriod.parse("2026-05-03T08");

        assertEquals(Instant.parse("2026-05-03T08:00:00Z"), period.start());
        assertEquals(Instant.parse("2026-05-03T09:00:00Z"), period.end());
        assertEquals("2026-05-03T08", period.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026-05-03", "2026-5-03T08", "2026-05-03T8", "2026-02-30T08", "2026-05-03T24",
            "+10000-01-01T00", "2026-05-03T08:00", " 2026-05-03T08", "２０２６-05-03T08"})
    void anythingButAnHourInItsStoredFormIsRefused(String written) {
        var refused = assertThrows(IllegalArgumentException.class, () -> SealPeriod.parse(written));

        assertEquals("'" + written + "' is not an hour like 2026-05-03T08", refused.getMessage());
    }

    @Test
    void nullIsRefusedAsNotAnHour() {
        assertThrows(IllegalArgumentException.class, () -> SealPeriod.parse(null));
    }

    @Test
    void anInstantBelongsToTheHourThatContainsIt() {
        assertEquals("2026-05-03T08", SealPeriod.containing(Instant.parse("2026-05-03T08:59:59.999Z")).toString());
        assertEquals("2026-05-03T09", SealPeriod.containing(Instant.parse("2026-05-03T09:00:00Z")).toString());
    }

    @Test
    void aPeriodMustBeginAnHour() {
        assertThrows(IllegalArgumentException.class, () -> new SealPeriod(Instant.parse("2026-05-03T08:30:00Z")));
    }

    @Test
    void stepsCrossDaysAndYears() {
        var lastOfYear = SealPeriod.parse("2026-12-31T23");

        assertEquals("2027-01-01T00", lastOfYear.next().toString());
        assertEquals("2026-12-31T23", lastOfYear.next().previous().toString());
        assertEquals("2026-12-30T23", lastOfYear.minusHours(24).toString());
        assertEquals(25, lastOfYear.minusHours(24).hoursUntil(lastOfYear.next()));
        assertEquals(-1, lastOfYear.hoursUntil(lastOfYear.previous()));
    }

    @Test
    void periodsOrderByTimeAsTheirStoredFormsDo() {
        var written = List.of("2026-05-03T10", "2025-12-31T23", "2026-05-03T09");
        var ordered = new TreeSet<SealPeriod>();
        written.forEach(p -> ordered.add(SealPeriod.parse(p)));

        assertEquals(new TreeSet<>(written).stream().toList(), ordered.stream().map(SealPeriod::toString).toList());
        assertTrue(SealPeriod.parse("2026-05-03T09").isBefore(SealPeriod.parse("2026-05-03T10")));
        assertTrue(SealPeriod.parse("2026-05-03T10").isAfter(SealPeriod.parse("2026-05-03T09")));
    }
}
