package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.local.LocalKeyFileSigner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealerTest {

    @TempDir
    Path dir;

    private final Map<String, List<String>> index = new HashMap<>();
    private final Map<String, Map<String, String>> seals = new TreeMap<>();

    @Test
    void anHourIsSealedOnlyOnceItsGracePeriodHasPassed() {
        index.put("2026-05-03T08", List.of("b", "a"));

        var early = sealer("2026-05-03T09:04:59Z").sealDue();
        var report = sealer("2026-05-03T09:05:00Z").sealDue();

        assertEquals("2026-05-03T07", early.sealedPeriods().get(early.sealedPeriods().size() - 1));
        assertEquals(List.of("2026-05-03T08"), report.sealedPeriods());
        assertEquals(2, report.itemsSealed());
        var seal = SealRecord.from(seals.get("2026-05-03T08#0"));
        assertEquals(List.of("a", "b"), seal.attemptIds());
        assertEquals(2, seal.itemCount());
    }

    @Test
    void everyHourOfTheLookBackIsSealedEvenWhenEmptyAndARerunWritesNothing() {
        var first = sealer("2026-05-03T09:10:00Z").sealDue();
        var second = sealer("2026-05-03T09:20:00Z").sealDue();

        assertEquals(Sealer.LOOKBACK_PERIODS, first.sealedPeriods().size());
        assertEquals("2026-05-01T09", first.sealedPeriods().get(0));
        assertEquals(List.of(), second.sealedPeriods());
        assertEquals(Sealer.LOOKBACK_PERIODS, seals.size());
    }

    @Test
    void aBusyHourIsSealedInPartsUnderTheItemSizeLimit() {
        var ids = IntStream.range(0, 12_000).mapToObj(i -> String.format("%064d", i)).toList();
        index.put("2026-05-03T08", ids);

        sealer("2026-05-03T09:05:00Z").sealDue();

        List<String> sealed = new ArrayList<>();
        for (int part = 0; part < 3; part++) {
            var seal = SealRecord.from(seals.get("2026-05-03T08#" + part));
            assertEquals(3, seal.partCount());
            assertEquals(12_000, seal.itemCount());
            sealed.addAll(seal.attemptIds());
        }
        assertEquals(ids, sealed);
        assertEquals(Sealer.LOOKBACK_PERIODS + 2, seals.size());
    }

    @Test
    void aRunThatDiesBetweenPartsLeavesTheHourUnsealedAndTheNextRunCompletesIt() {
        index.put("2026-05-03T08", IntStream.range(0, 7_000).mapToObj(i -> String.format("%064d", i)).toList());
        failOnPartZero = true;

        assertThrows(IllegalStateException.class, () -> sealer("2026-05-03T09:05:00Z").sealThrough(
                Instant.parse("2026-05-03T09:00:00Z")));
        failOnPartZero = false;
        var rerun = sealer("2026-05-03T09:06:00Z").sealDue();

        assertTrue(rerun.sealedPeriods().contains("2026-05-03T08"));
        assertEquals(2, SealRecord.from(seals.get("2026-05-03T08#0")).partCount());
        assertEquals(7_000, SealRecord.from(seals.get("2026-05-03T08#0")).attemptIds().size()
                + SealRecord.from(seals.get("2026-05-03T08#1")).attemptIds().size());
    }

    private boolean failOnPartZero;

    private Sealer sealer(String now) {
        var signer = LocalKeyFileSigner.createIfMissing(dir.resolve("key.pem"));
        Sealer.SealStore store = new Sealer.SealStore() {
            @Override
            public boolean isSealed(String period) {
                return seals.containsKey(SealRecord.sealId(period, 0));
            }

            @Override
            public boolean putOnce(Map<String, String> part) {
                if (failOnPartZero && "0".equals(part.get(SealRecord.PART)) && "2026-05-03T08".equals(part.get(SealRecord.PERIOD))) {
                    throw new IllegalStateException("the run dies before writing part 0");
                }
                return seals.putIfAbsent(part.get(SealRecord.SEAL_ID), part) == null;
            }
        };
        return new Sealer(period -> index.getOrDefault(period, List.of()), store, new EvidenceSigning(signer),
                Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }
}
