package com.biometriclogger.evidence;

import static com.biometriclogger.evidence.TestIds.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.evidence.Finding.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
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

        assertEquals(List.of(id("a1"), id("a2")), read.orElseThrow().leaves().stream().map(SealRecord.Leaf::attemptId).toList());
        assertEquals(List.of(
                new Finding(Problem.SEAL_INVALID, "seal " + HOUR + "#0",
                        "leaf '" + upperCase + "' is not attemptId:digest (the rest of the hour is still checked)"),
                new Finding(Problem.SEAL_INVALID, "seal " + HOUR + "#0",
                        "leaf '" + shortDigest + "' is not attemptId:digest (the rest of the hour is still checked)")), findings);
    }

    @Test
    void anItemWhoseIdNoLeafCanHoldIsLeftOutOfTheSealWhichStaysReadable() {
        var ledger = new SealedLedger(dir);
        ledger.add(id("a1"), "2026-05-03T08:10:00Z");
        ledger.add("x,y:z", "2026-05-03T08:20:00Z");
        ledger.sealAt("2026-05-03T09:05:00Z");

        var hour = ledger.hour(HOUR);

        assertEquals(List.of(id("a1")), hour.leaves().stream().map(SealRecord.Leaf::attemptId).toList());
    }

    /**
     * The seal role archives a version-1 seal (ids only) for the newest hour before the sealer does:
     * the chain walk skips version 1, so without the cutover rule the hour reads as sealed while
     * committing to none of its content, and a re-signed rewrite of its decisions goes unnamed.
     */
    @Test
    void aVersionOneSealAfterTheFirstVersionTwoSealIsADowngrade() {
        var ledger = new SealedLedger(dir);
        ledger.add(id("a1"), "2026-05-03T08:10:00Z");
        ledger.sealAt("2026-05-03T09:05:00Z");
        ledger.add(id("b1"), "2026-05-03T09:10:00Z");
        var downgraded = ledger.sealSigning.sign(Map.of(SealRecord.SEAL_ID, "2026-05-03T09#0", SealRecord.PERIOD,
                "2026-05-03T09", SealRecord.PART, "0", SealRecord.PART_COUNT, "1", SealRecord.ITEM_COUNT, "1",
                SealRecord.ATTEMPT_IDS, id("b1"), SealRecord.SEALED_AT, "2026-05-03T10:05:00Z"));
        SortedMap<SealPeriod, SealedPeriod> sealed = new TreeMap<>();
        sealed.put(SealPeriod.parse(HOUR), ledger.hour(HOUR));
        sealed.put(SealPeriod.parse("2026-05-03T09"),
                ledger.heads().read("2026-05-03T09", List.of(downgraded), findings::add).orElseThrow());

        new SealChain(sealed, Optional.empty()).checkLinks(findings::add);

        assertEquals(List.of(new Finding(Problem.SEAL_DOWNGRADED, "seal 2026-05-03T09", "a version-1 seal (ids only) "
                + "for an hour at or after the first version-2 seal (" + HOUR + "): the sealer writes version 2 only "
                + "since then, so this seal commits to none of its hour's content")), findings);
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
