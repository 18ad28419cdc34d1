package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.biometriclogger.util.FlatJson;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The range a bundle states: what was asked, clipped to the export's hour, and the head it starts after. */
class BundleManifestTest {

    private static final Instant NOW = Instant.parse("2026-05-04T10:30:00Z");
    private static final Map<String, String> HEAD_0503T07 = Map.of("period", "2026-05-03T07", "part", "0",
            SealRecord.CHAIN_HEIGHT, "4");
    private static final NavigableMap<String, Map<String, String>> HEADS = new TreeMap<>(Map.of(
            "2026-05-03T07", HEAD_0503T07, "2026-05-03T09", Map.of("period", "2026-05-03T09"),
            "2026-05-04T08", Map.of("period", "2026-05-04T08")));

    @Test
    void daysAskedForRunFromTheFirstHourToTheLastAndStartAfterTheHeadBeforeThem() {
        var manifest = BundleManifest.of(day("2026-05-03"), day("2026-05-03"), "2026-05-01T00", HEADS, true, 0, NOW);

        assertEquals("2026-05-03T00", manifest.firstHour());
        assertEquals("2026-05-03T23", manifest.lastHour());
        assertEquals(Optional.of("2026-05-03T09"), manifest.sealedThrough());
        assertEquals(Optional.empty(), manifest.startHead(), "no head before the range's first hour");
    }

    @Test
    void aRangeStartingAfterASealChainsFromThatSeal() {
        var manifest = BundleManifest.of(day("2026-05-04"), Optional.empty(), "2026-05-01T00", HEADS, false, 2, NOW);

        assertEquals("2026-05-04T00", manifest.firstHour());
        assertEquals("2026-05-04T10", manifest.lastHour(), "no later than the export's own hour");
        assertEquals(Optional.of("2026-05-04T08"), manifest.sealedThrough());
        assertEquals(Optional.of(HEADS.get("2026-05-03T09")), manifest.startHead());
        var json = FlatJson.parse(manifest.json());
        assertEquals("table", json.get("sealSource"));
        assertEquals("2", json.get("verifyProblems"));
        assertEquals(CanonicalForm.linkDigest(HEADS.get("2026-05-03T09")), json.get("startHead"));
        assertEquals("", json.get("startHeight"));
    }

    @Test
    void aWholeTableExportStartsAtItsEarliestHourFromGenesis() {
        var manifest = BundleManifest.of(Optional.empty(), Optional.empty(), "2026-05-03T07", HEADS, true, 0, NOW);

        assertEquals("2026-05-03T07", manifest.firstHour());
        assertEquals(Optional.of("2026-05-04T08"), manifest.sealedThrough());
        assertEquals(Optional.empty(), manifest.startHead());
        var json = FlatJson.parse(manifest.json());
        assertEquals(Map.of("format", BundleManifest.FORMAT, "firstHour", "2026-05-03T07", "lastHour", "2026-05-04T10",
                "sealedThrough", "2026-05-04T08", "startHead", "", "startHeight", "", "sealSource", "archive",
                "verifyProblems", "0", "exportedAt", "2026-05-04T10:30:00Z"), json);
    }

    @Test
    void theStartHeadStatesItsHeight() {
        var manifest = BundleManifest.of(day("2026-05-03"), day("2026-05-03"), "2026-05-01T00",
                new TreeMap<>(Map.of("2026-05-02T07", HEAD_0503T07)), true, 0, NOW);

        assertEquals("4", FlatJson.parse(manifest.json()).get("startHeight"));
        assertEquals(Optional.empty(), manifest.sealedThrough(), "the only seal is before the range");
    }

    @Test
    void aRangeInTheFutureShrinksToTheExportHour() {
        var manifest = BundleManifest.of(day("2026-06-01"), day("2026-06-02"), "2026-05-01T00", HEADS, true, 0, NOW);

        assertEquals("2026-05-04T10", manifest.firstHour());
        assertEquals("2026-05-04T10", manifest.lastHour());
    }

    @Test
    void aRangeEndingOnTheLastHourBeforeTheExportKeepsIt() {
        var manifest = BundleManifest.of(day("2026-05-03"), day("2026-05-03"), "2026-05-01T00", HEADS, true, 0,
                Instant.parse("2026-05-03T23:10:00Z"));

        assertEquals("2026-05-03T23", manifest.lastHour());
    }

    private static Optional<LocalDate> day(String day) {
        return Optional.of(LocalDate.parse(day));
    }
}
