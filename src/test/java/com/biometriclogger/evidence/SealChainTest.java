package com.biometriclogger.evidence;

import static com.biometriclogger.evidence.TestIds.id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.biometriclogger.evidence.Finding.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealChainTest {

    private static final SealPeriod H08 = SealPeriod.parse("2026-05-03T08");
    private static final SealPeriod H09 = SealPeriod.parse("2026-05-03T09");
    private static final SealPeriod H10 = SealPeriod.parse("2026-05-03T10");

    @TempDir
    Path dir;

    private SealedLedger ledger;
    private final SortedMap<SealPeriod, SealedPeriod> sealed = new TreeMap<>();
    private final List<Finding> findings = new ArrayList<>();

    @BeforeEach
    void threeChainedHours() {
        ledger = new SealedLedger(dir);
        ledger.add(id("a1"), "2026-05-03T08:10:00Z");
        ledger.add(id("b1"), "2026-05-03T09:10:00Z");
        ledger.add(id("c1"), "2026-05-03T10:10:00Z");
        ledger.sealAt("2026-05-03T11:05:00Z");
        for (var period : List.of(H08, H09, H10)) {
            sealed.put(period, ledger.hour(period.toString()));
        }
    }

    @Test
    void anIntactChainStartsAtItsGenesisAndHasNoGaps() {
        var chain = new SealChain(sealed, Optional.empty());

        assertEquals(Optional.of(H08), chain.checkLinks(findings::add));
        chain.checkContinuity(findings::add);
        assertEquals(List.of(), findings);
    }

    @Test
    void removingTheOldestSealsTruncatesTheChain() {
        sealed.remove(H08);

        assertEquals(Optional.of(H09), new SealChain(sealed, Optional.empty()).checkLinks(findings::add));
        assertEquals(List.of(new Finding(Problem.CHAIN_TRUNCATED, "seal 2026-05-03T09", "the oldest seal left has "
                + "height 1, not 0: the seals before it (and what they sealed) were removed")), findings);
    }

    @Test
    void removingASealBetweenTwoBreaksTheChainAndLeavesAGap() {
        sealed.remove(H09);
        var chain = new SealChain(sealed, Optional.empty());

        chain.checkLinks(findings::add);
        chain.checkContinuity(findings::add);

        assertEquals(List.of(
                new Finding(Problem.SEAL_CHAIN_BROKEN, "seal 2026-05-03T10", "does not follow the seal of 2026-05-03T08 "
                        + "(height 0 -> 2): a seal between them was removed or rewritten"),
                new Finding(Problem.SEAL_MISSING, "2026-05-03T09", "1 hour(s) without a seal between 2026-05-03T08 and "
                        + "2026-05-03T10: a seal was deleted")), findings);
    }

    @Test
    void twoSealsNamingOnePredecessorFork() {
        var copy = ledger.parts("2026-05-03T10").get(0);
        copy.put(SealRecord.PERIOD, "2026-05-03T11");
        copy.put(SealRecord.SEAL_ID, "2026-05-03T11#0");
        var h11 = SealPeriod.parse("2026-05-03T11");
        sealed.put(h11, new SealedPeriod(h11, SealRecord.from(copy), copy, sealed.get(H10).leaves()));

        new SealChain(sealed, Optional.empty()).checkLinks(findings::add);

        assertEquals(new Finding(Problem.SEAL_FORK, "seal 2026-05-03T11",
                "names the same predecessor as the seal of 2026-05-03T10: the chain forks"), findings.get(0));
    }

    @Test
    void aRunOfMissingHoursIsOneFinding() {
        sealed.remove(H09);
        sealed.remove(H10);
        sealed.put(SealPeriod.parse("2026-05-04T00"), ledger.hour("2026-05-03T10"));

        new SealChain(sealed, Optional.empty()).checkContinuity(findings::add);

        assertEquals(List.of(new Finding(Problem.SEAL_MISSING, "2026-05-03T09 to 2026-05-03T23", "15 hour(s) without "
                + "a seal between 2026-05-03T08 and 2026-05-04T00: a seal was deleted")), findings);
    }

    @Test
    void itemsOutsideWhatTheChainCanCoverAreNamed() {
        sealed.remove(H09);
        SortedMap<SealPeriod, Set<String>> items = new TreeMap<>();
        items.put(SealPeriod.parse("2026-05-03T07"), Set.of(id("early")));
        items.put(H08, Set.of(id("a1")));
        items.put(H09, Set.of(id("b2"), id("b1")));
        items.put(SealPeriod.parse("2026-05-03T12"), Set.of(id("later")));

        new SealChain(sealed, Optional.empty()).checkItemPeriods(items, Optional.of(H08), SealPeriod.parse("2026-05-03T11"), findings::add);

        assertEquals(List.of(Problem.BEFORE_GENESIS, Problem.SEAL_MISSING, Problem.IN_FUTURE),
                findings.stream().map(Finding::problem).toList());
        assertEquals("items " + id("b1") + ", " + id("b2") + " are dated in an unsealed hour behind the newest seal", findings.get(1).detail());
    }

    /** The chain walk takes in every head after the genesis, whatever its version: the next head must link to it. */
    @Test
    void aVersionOneSealBetweenTwoChainedOnesIsADowngradeAndBreaksTheChain() {
        var v1 = ledger.sealSigning.sign(java.util.Map.of(SealRecord.SEAL_ID, "2026-05-03T09#0", SealRecord.PERIOD,
                "2026-05-03T09", SealRecord.PART, "0", SealRecord.PART_COUNT, "1", SealRecord.ITEM_COUNT, "1",
                SealRecord.ATTEMPT_IDS, id("b1"), SealRecord.SEALED_AT, "2026-05-03T10:05:00Z"));
        sealed.put(H09, ledger.heads().read("2026-05-03T09", List.of(v1), findings::add).orElseThrow());

        new SealChain(sealed, Optional.empty()).checkLinks(findings::add);

        assertEquals(List.of(Problem.SEAL_DOWNGRADED, Problem.SEAL_CHAIN_BROKEN), findings.stream().map(Finding::problem).toList());
        assertEquals("does not follow the seal of 2026-05-03T09 (height none, version 1 -> 2): a seal between them was "
                + "removed or rewritten", findings.get(1).detail());
    }

    @Test
    void aStatedCutoverNamesAVersionOneSealBeforeTheGenesis() {
        var v1 = ledger.sealSigning.sign(java.util.Map.of(SealRecord.SEAL_ID, "2026-05-03T07#0", SealRecord.PERIOD,
                "2026-05-03T07", SealRecord.PART, "0", SealRecord.PART_COUNT, "1", SealRecord.ITEM_COUNT, "0",
                SealRecord.ATTEMPT_IDS, "", SealRecord.SEALED_AT, "2026-05-03T08:05:00Z"));
        var h07 = SealPeriod.parse("2026-05-03T07");
        sealed.put(h07, ledger.heads().read("2026-05-03T07", List.of(v1), findings::add).orElseThrow());

        new SealChain(sealed, Optional.empty()).checkLinks(findings::add);
        assertEquals(List.of(), findings, "before the first version-2 seal, version 1 counts unless told otherwise");
        new SealChain(sealed, Optional.of(SealChain.Cutover.stated(h07))).checkLinks(findings::add);

        assertEquals(List.of(new Finding(Problem.SEAL_DOWNGRADED, "seal 2026-05-03T07", "a version-1 seal (ids only) for "
                + "an hour at or after the cutover given to verify (2026-05-03T07): the sealer writes version 2 only "
                + "since then, so this seal commits to none of its hour's content")), findings);
    }
}
