package com.biometriclogger.evidence;

import static com.biometriclogger.evidence.TestIds.id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.biometriclogger.evidence.Finding.Problem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whoever stops the sealer (disables its schedule, breaks its role) leaves every later decision open
 * to a deletion no seal will ever name: verify must say so as a finding, not a warning.
 */
class SealingStoppedTest {

    @TempDir
    Path dir;

    @Test
    void anHourLeftUnsealedPastTheBoundIsAFindingCountingTheItemsLeftOpen() {
        var ledger = SealedLedger.twoDecisionsSealed(dir);
        ledger.add(id("b1"), "2026-05-03T09:10:00Z");
        ledger.add(id("b2"), "2026-05-03T09:20:00Z");

        assertEquals(List.of(), problems(ledger, "2026-05-03T11:55:00Z"), "09 ended under 2 h ago: not yet overdue");
        var report = verify(ledger, "2026-05-03T12:01:00Z");

        assertEquals(List.of(new Finding(Problem.SEALING_STOPPED, "seal 2026-05-03T08", "the newest seal, though "
                + "2026-05-03T09 ended more than 2 h ago: sealing has stopped, and 2 item(s) after it are in no seal")),
                report.findings());
    }

    @Test
    void itemsWithNoSealAtAllPastTheBoundAreAFinding() {
        var ledger = new SealedLedger(dir);
        ledger.add(id("a1"), "2026-05-03T08:10:00Z");

        assertEquals(List.of(), problems(ledger, "2026-05-03T09:30:00Z"), "a new ledger before its first seal");
        assertEquals(List.of(Problem.SEALING_STOPPED), problems(ledger, "2026-05-03T11:30:00Z"));
    }

    private static List<Problem> problems(SealedLedger ledger, String now) {
        return verify(ledger, now).findings().stream().map(Finding::problem).toList();
    }

    private static EvidenceReport verify(SealedLedger ledger, String now) {
        var verifier = new EvidenceVerifier(List.of(ledger.itemKey), List.of(ledger.sealKey), Optional.empty(),
                Optional.empty());
        ledger.items.values().forEach(item -> verifier.checkItem(new StoredItem(item, List.of())));
        ledger.table.values().forEach(seal -> verifier.checkSeal(new StoredItem(seal, List.of())));
        return verifier.finish(Instant.parse(now));
    }
}
