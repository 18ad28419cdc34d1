package com.biometriclogger.evidence;

import static com.biometriclogger.evidence.TestIds.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.biometriclogger.local.stack.LocalKeyFileSigner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealerTest {

    @TempDir
    Path dir;

    private final Map<String, List<Map<String, String>>> index = new HashMap<>();
    private final Map<String, Map<String, String>> table = new TreeMap<>();
    private final InMemorySealArchive archive = new InMemorySealArchive();
    private boolean failOnPartZero;

    @Test
    void theFirstSealIsTheGenesisAndCommitsToEachItemsContent() {
        index.put("2026-05-03T08", List.of(item(id("b")), item(id("a"))));

        var report = sealer("2026-05-03T09:05:00Z").sealDue();

        assertEquals(List.of("2026-05-03T08"), report.sealedPeriods(), "the earliest hour with decisions");
        var head = SealRecord.from(table.get("2026-05-03T08#0"));
        assertEquals(List.of(leaf(id("a")), leaf(id("b"))), head.leaves());
        assertEquals(0, head.chainHeight(), "the genesis seal");
        assertEquals("", head.previousSeal());
        assertEquals(HexFormat.of().formatHex(MerkleTree.root(List.of(leaf(id("a")).bytes(), leaf(id("b")).bytes()))),
                head.merkleRoot());
        assertEquals(table.get("2026-05-03T08#0"), archive.read("2026-05-03T08").get(0), "archived as stored");
    }

    @Test
    void anHourIsSealedOnlyOnceItsGracePeriodHasPassedAndAnEmptyLedgerStartsItsChainAtOnce() {
        index.put("2026-05-03T08", List.of(item(id("a"))));

        var early = sealer("2026-05-03T09:04:59Z").sealDue();
        var report = sealer("2026-05-03T09:05:00Z").sealDue();

        assertEquals(List.of("2026-05-03T07"), early.sealedPeriods(), "08 is not over plus the grace period");
        assertEquals(List.of("2026-05-03T08"), report.sealedPeriods());
        assertEquals(1, SealRecord.from(table.get("2026-05-03T08#0")).chainHeight());
    }

    @Test
    void everyLaterHourIsSealedEvenWhenEmptyEachNamingTheOneBeforeAndARerunWritesNothing() {
        index.put("2026-05-03T06", List.of(item(id("a"))));
        var first = sealer("2026-05-03T09:10:00Z").sealDue();
        var second = sealer("2026-05-03T09:20:00Z").sealDue();

        assertEquals(List.of("2026-05-03T06", "2026-05-03T07", "2026-05-03T08"), first.sealedPeriods());
        assertEquals(List.of(), second.sealedPeriods());
        var h7 = SealRecord.from(table.get("2026-05-03T07#0"));
        var h8 = SealRecord.from(table.get("2026-05-03T08#0"));
        assertEquals(CanonicalForm.linkDigest(table.get("2026-05-03T06#0")), h7.previousSeal());
        assertEquals(CanonicalForm.linkDigest(table.get("2026-05-03T07#0")), h8.previousSeal());
        assertEquals(2, h8.chainHeight());
        assertEquals(0, h8.itemCount());
    }

    @Test
    void aBusyHourIsSealedInPartsUnderTheItemSizeLimit() {
        var items = IntStream.range(0, 6_000).mapToObj(i -> item(String.format("%064d", i))).toList();
        index.put("2026-05-03T08", items);

        sealer("2026-05-03T09:05:00Z").sealDue();

        List<SealRecord.Leaf> sealed = new ArrayList<>();
        for (int part = 0; part < 3; part++) {
            var seal = SealRecord.from(table.get("2026-05-03T08#" + part));
            assertEquals(3, seal.partCount());
            assertEquals(6_000, seal.itemCount());
            sealed.addAll(seal.leaves());
        }
        assertEquals(items.stream().map(i -> leaf(i.get("attemptId"))).toList(), sealed);
        assertEquals(1, archive.hours.size());
    }

    @Test
    void aSealDeletedFromTheTableWithItsDecisionIsRestoredFromTheArchiveNotSealedAgain() {
        index.put("2026-05-03T08", new ArrayList<>(List.of(item(id("a")), item(id("b")))));
        sealer("2026-05-03T09:05:00Z").sealDue();

        index.get("2026-05-03T08").remove(1);
        table.remove("2026-05-03T08#0");
        var rerun = sealer("2026-05-03T09:30:00Z").sealDue();

        assertEquals(List.of(), rerun.sealedPeriods());
        assertEquals(List.of("2026-05-03T08"), rerun.restored());
        assertEquals(List.of(leaf(id("a")), leaf(id("b"))), SealRecord.from(table.get("2026-05-03T08#0")).leaves(),
                "the restored seal still names the deleted decision");
    }

    @Test
    void anHourMissingBehindTheNewestSealIsReportedAndNeverFilled() {
        index.put("2026-05-03T06", List.of(item(id("a"))));
        sealer("2026-05-03T09:05:00Z").sealDue();
        archive.hours.remove("2026-05-03T07");
        table.remove("2026-05-03T07#0");

        var rerun = sealer("2026-05-03T10:05:00Z").sealDue();

        assertEquals(List.of("2026-05-03T07"), rerun.holes());
        assertEquals(List.of("2026-05-03T09"), rerun.sealedPeriods());
        assertEquals(false, table.containsKey("2026-05-03T07#0"));
    }

    @Test
    void aSealerDownLongerThanItsLookBackCarriesOnFromTheNewestArchivedHour() {
        index.put("2026-05-01T00", List.of(item(id("a"))));
        sealer("2026-05-01T01:05:00Z").sealDue();

        var back = sealer("2026-05-05T00:05:00Z").sealDue();

        assertEquals(Sealer.LOOKBACK_PERIODS, back.sealedPeriods().size(), "one run seals at most its look-back");
        assertEquals("2026-05-01T01", back.sealedPeriods().get(0));
        assertEquals(Sealer.LOOKBACK_PERIODS, SealRecord.from(table.get("2026-05-03T00#0")).chainHeight());
    }

    @Test
    void aTableSealedByTheVersionOneSealerStartsItsChainAfterTheNewestOldSeal() {
        table.put("2026-05-03T07#0", Map.of(SealRecord.SEAL_ID, "2026-05-03T07#0", SealRecord.PERIOD, "2026-05-03T07"));
        index.put("2026-05-03T07", List.of(item(id("old"))));
        index.put("2026-05-03T08", List.of(item(id("new"))));

        var report = sealer("2026-05-03T09:05:00Z").sealDue();

        assertEquals(List.of("2026-05-03T08"), report.sealedPeriods());
        assertEquals(0, SealRecord.from(table.get("2026-05-03T08#0")).chainHeight());
    }

    @Test
    void aRunThatDiesBetweenArchiveAndTableIsCompletedByTheNextFromTheArchive() {
        index.put("2026-05-03T08", List.of(item(id("a"))));
        failOnPartZero = true;
        assertThrows(IllegalStateException.class, () -> sealer("2026-05-03T09:05:00Z").sealDue());
        failOnPartZero = false;

        var rerun = sealer("2026-05-03T09:06:00Z").sealDue();

        assertEquals(List.of("2026-05-03T08"), rerun.restored());
        assertEquals(archive.read("2026-05-03T08").get(0), table.get("2026-05-03T08#0"));
    }

    private static Map<String, String> item(String id) {
        return Map.of("attemptId", id, "decision", "AUTHORIZED");
    }

    private static SealRecord.Leaf leaf(String id) {
        return new SealRecord.Leaf(id, CanonicalForm.digest(item(id)));
    }

    private Sealer sealer(String now) {
        var signer = LocalKeyFileSigner.createIfMissing(dir.resolve("key.pem"));
        var store = new InMemorySealStore(table) {
            @Override
            public boolean putOnce(Map<String, String> part) {
                if (failOnPartZero && "0".equals(part.get(SealRecord.PART))) {
                    throw new IllegalStateException("the run dies before writing part 0");
                }
                return super.putOnce(part);
            }
        };
        return new Sealer(period -> index.getOrDefault(period, List.of()), store, archive, new EvidenceSigning(signer),
                Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }
}
