package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.evidence.Finding.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seals the seal role writes to crash or blind verify, re-signed with the seal key: each is a finding. */
class HostileSealsTest {

    private static final String HOUR = "2026-05-03T08";

    @TempDir
    Path dir;

    private final List<Finding> findings = new ArrayList<>();

    /** "00", "+0" and Arabic-Indic zero all parse as 0 with Integer.parseInt: only "0" is the sealer's. */
    @ParameterizedTest
    @ValueSource(strings = {"00", "+0", "\u0660", "-0", " 0"})
    void aNumberNotWrittenAsTheSealerWritesItIsNamed(String written) {
        var ledger = SealedLedger.twoDecisionsSealed(dir);
        var head = ledger.parts(HOUR).get(0);
        head.put(SealRecord.PART, written);

        var read = ledger.heads().read(HOUR, List.of(ledger.sealSigning.sign(head)), findings::add);

        assertTrue(read.isEmpty());
        assertEquals(List.of(new Finding(Problem.SEAL_INVALID, "seal " + HOUR + "#0",
                "part '" + written + "' is not a number as the sealer writes it")), findings);
    }

    @Test
    void aChainHeightBeyondAnyRealChainIsNamed() {
        var ledger = SealedLedger.twoDecisionsSealed(dir);
        var head = ledger.parts(HOUR).get(0);
        head.put(SealRecord.CHAIN_HEIGHT, "9223372036854775807");

        ledger.heads().read(HOUR, List.of(ledger.sealSigning.sign(head)), findings::add);

        assertEquals(List.of(Problem.SEAL_INVALID), findings.stream().map(Finding::problem).toList());
    }

    @Test
    void eachMalformedLeafIsNamedAndTheRestOfTheHourIsStillRead() {
        var ledger = SealedLedger.twoDecisionsSealed(dir);
        var head = ledger.parts(HOUR).get(0);
        String upperCase = "A0:" + "0".repeat(64);
        String shortDigest = "a0:" + "0".repeat(63);
        head.put(SealRecord.LEAVES, upperCase + "," + shortDigest + "," + head.get(SealRecord.LEAVES));
        head.put(SealRecord.ITEM_COUNT, "4");

        var read = ledger.heads().read(HOUR, List.of(ledger.sealSigning.sign(head)), findings::add);

        assertEquals(List.of("a1", "a2"), read.orElseThrow().leaves().stream().map(SealRecord.Leaf::attemptId).toList());
        assertEquals(List.of(
                new Finding(Problem.SEAL_INVALID, "seal " + HOUR + "#0",
                        "leaf '" + upperCase + "' is not attemptId:digest (the rest of the hour is still checked)"),
                new Finding(Problem.SEAL_INVALID, "seal " + HOUR + "#0",
                        "leaf '" + shortDigest + "' is not attemptId:digest (the rest of the hour is still checked)")), findings);
    }

    @Test
    void anItemWhoseIdNoLeafCanHoldIsLeftOutOfTheSealWhichStaysReadable() {
        var ledger = new SealedLedger(dir);
        ledger.add("a1", "2026-05-03T08:10:00Z");
        ledger.add("x,y:z", "2026-05-03T08:20:00Z");
        ledger.sealAt("2026-05-03T09:05:00Z");

        var hour = ledger.hour(HOUR);

        assertEquals(List.of("a1"), hour.leaves().stream().map(SealRecord.Leaf::attemptId).toList());
    }

    @Test
    void aSealFiledUnderAnotherHourIsNamedNotTrusted() {
        var ledger = SealedLedger.twoDecisionsSealed(dir);

        var read = ledger.heads().read("2026-05-03T09", ledger.parts(HOUR), findings::add);

        assertTrue(read.isEmpty());
        assertEquals(List.of(new Finding(Problem.SEAL_INVALID, "seal 2026-05-03T09", "filed under '2026-05-03T09' but seals "
                + HOUR + ": a seal counts only for the hour it is filed under")), findings);
    }
}
