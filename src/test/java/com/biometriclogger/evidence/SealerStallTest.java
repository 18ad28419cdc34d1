package com.biometriclogger.evidence;

import static com.biometriclogger.evidence.TestIds.id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seal role archives one head the sealer cannot chain from; the archive is write-once, so a
 * sealer that threw on it would never seal again. It must refuse the head and go on.
 */
class SealerStallTest {

    @TempDir
    Path dir;

    @Test
    void aMalformedArchivedHeadIsRefusedAndTheChainGoesOnFromTheSealBefore() {
        var ledger = SealedLedger.twoDecisionsSealed(dir);
        var forged = new HashMap<>(ledger.parts("2026-05-03T08").get(0));
        forged.putAll(java.util.Map.of(SealRecord.SEAL_ID, "2026-05-03T09#0", SealRecord.PERIOD, "2026-05-03T09"));
        forged.remove(SealRecord.CHAIN_HEIGHT);
        ledger.archive.putOnce("2026-05-03T09", List.of(ledger.sealSigning.sign(forged)));
        ledger.add(id("c1"), "2026-05-03T10:10:00Z");

        var report = ledger.sealAt("2026-05-03T11:05:00Z");

        assertEquals(List.of("2026-05-03T10"), report.sealedPeriods());
        assertEquals(List.of("2026-05-03T09"), report.refused());
        var h10 = ledger.hour("2026-05-03T10").head();
        assertEquals(CanonicalForm.linkDigest(ledger.archive.read("2026-05-03T08").get(0)), h10.previousSeal());
        assertEquals(1, h10.chainHeight());
    }

    @Test
    void aSealArchivedInAdvanceForAFutureHourDoesNotStopTheHoursBeforeIt() {
        var ledger = SealedLedger.twoDecisionsSealed(dir);
        var early = new HashMap<>(ledger.parts("2026-05-03T08").get(0));
        early.putAll(java.util.Map.of(SealRecord.SEAL_ID, "2026-05-03T20#0", SealRecord.PERIOD, "2026-05-03T20"));
        ledger.archive.putOnce("2026-05-03T20", List.of(ledger.sealSigning.sign(early)));
        ledger.add(id("c1"), "2026-05-03T09:10:00Z");

        var report = ledger.sealAt("2026-05-03T11:05:00Z");

        assertEquals(List.of("2026-05-03T09", "2026-05-03T10"), report.sealedPeriods());
        assertEquals(List.of(), report.refused());
    }

    /**
     * A well-formed head that does not link to the seal before it (here one claiming a height near the
     * bound, whose successor no reader could parse): chained from, it would stop every later seal.
     */
    @Test
    void anArchivedHeadThatDoesNotFollowTheSealBeforeIsRefusedAndTheChainGoesOn() {
        var ledger = SealedLedger.twoDecisionsSealed(dir);
        var unlinked = new HashMap<>(ledger.parts("2026-05-03T08").get(0));
        unlinked.putAll(java.util.Map.of(SealRecord.SEAL_ID, "2026-05-03T09#0", SealRecord.PERIOD, "2026-05-03T09",
                SealRecord.CHAIN_HEIGHT, "10000000000", SealRecord.PREVIOUS_SEAL, "0".repeat(64)));
        ledger.archive.putOnce("2026-05-03T09", List.of(ledger.sealSigning.sign(unlinked)));
        ledger.add(id("c1"), "2026-05-03T10:10:00Z");

        var first = ledger.sealAt("2026-05-03T11:05:00Z");
        var next = ledger.sealAt("2026-05-03T12:05:00Z");

        assertEquals(List.of("2026-05-03T09"), first.refused());
        assertEquals(List.of("2026-05-03T10"), first.sealedPeriods());
        ledger.archive.reads.clear();
        ledger.sealAt("2026-05-03T12:07:00Z");
        assertEquals(Map.of("2026-05-03T08", 1, "2026-05-03T09", 1, "2026-05-03T10", 1, "2026-05-03T11", 1),
                ledger.archive.reads, "a run reads each archived hour of its look-back once, the refused one too");
        assertEquals(List.of("2026-05-03T11"), next.sealedPeriods());
        var h10 = ledger.hour("2026-05-03T10").head();
        assertEquals(CanonicalForm.linkDigest(ledger.archive.read("2026-05-03T08").get(0)), h10.previousSeal());
        assertEquals(1, h10.chainHeight());
        assertEquals(2, ledger.hour("2026-05-03T11").head().chainHeight());
    }
}
