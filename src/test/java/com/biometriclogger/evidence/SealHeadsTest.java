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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealHeadsTest {

    private static final String HOUR = "2026-05-03T08";

    @TempDir
    Path dir;

    private SealedLedger ledger;
    private final List<Finding> findings = new ArrayList<>();

    @BeforeEach
    void twoDecisionsSealed() {
        ledger = SealedLedger.twoDecisionsSealed(dir);
    }

    @Test
    void anIntactSealGivesItsHeadAndLeaves() {
        var hour = read(ledger.parts(HOUR)).orElseThrow();

        assertEquals(List.of(), findings);
        assertEquals(SealPeriod.parse(HOUR), hour.period());
        assertEquals(0L, hour.head().chainHeight());
        assertEquals(List.of(id("a1"), id("a2")), hour.leaves().stream().map(SealRecord.Leaf::attemptId).toList());
        assertEquals(ledger.archive.read(HOUR).get(0), hour.storedHead());
    }

    @Test
    void aSealSignedWithTheItemKeyIsNotTrusted() {
        var heads = new SealHeads(new SignatureCheck(List.of(ledger.sealKey)));
        var byItemKey = new SealHeads(new SignatureCheck(List.of(ledger.itemKey)));

        assertTrue(heads.read(HOUR, ledger.parts(HOUR), findings::add).isPresent());
        assertEquals(Optional.empty(), byItemKey.read(HOUR, ledger.parts(HOUR), findings::add));
        assertEquals(List.of(Problem.UNTRUSTED_KEY), problems());
        assertEquals("seal " + HOUR + "#0", findings.get(0).about());
    }

    @Test
    void leavesThatDoNotHashToTheRootAreNamedEvenWhenReSigned() {
        var head = ledger.parts(HOUR).get(0);
        head.put(SealRecord.LEAVES, head.get(SealRecord.LEAVES).replace("a2:", "a3:"));

        var hour = read(List.of(ledger.sealSigning.sign(head)));

        assertTrue(hour.isPresent(), "a readable seal is still compared with the items");
        assertEquals(List.of(Problem.SEAL_INVALID), problems());
        assertEquals("its leaves do not hash to its Merkle root", findings.get(0).detail());
    }

    @Test
    void aSealWrittenAfterItsLookBackIsLate() {
        var head = ledger.parts(HOUR).get(0);
        head.put(SealRecord.SEALED_AT, "2026-05-05T10:00:01Z");

        read(List.of(ledger.sealSigning.sign(head)));

        assertEquals(List.of(Problem.SEALED_LATE), problems());
    }

    @Test
    void partsWithoutAHeadOrWithoutTheirCountedLeavesAreIncomplete() {
        var head = ledger.parts(HOUR).get(0);
        head.put(SealRecord.ITEM_COUNT, "3");

        assertEquals(Optional.empty(), read(List.of()));
        read(List.of(ledger.sealSigning.sign(head)));

        assertEquals(List.of(Problem.SEAL_INCOMPLETE, Problem.SEAL_INCOMPLETE), problems());
        assertEquals("the seal's part 0 is missing", findings.get(0).detail());
        assertEquals("seal has 1 of 1 parts, 2 of 3 leaves", findings.get(1).detail());
    }

    @Test
    void aSignedButMalformedPartIsInvalidNotACrash() {
        var head = ledger.parts(HOUR).get(0);
        head.put(SealRecord.PART_COUNT, "many");

        assertEquals(Optional.empty(), read(List.of(ledger.sealSigning.sign(head))));
        assertEquals(List.of(Problem.SEAL_INVALID), problems());
    }

    private Optional<SealedPeriod> read(List<Map<String, String>> parts) {
        return ledger.heads().read(HOUR, parts, findings::add);
    }

    private List<Problem> problems() {
        return findings.stream().map(Finding::problem).toList();
    }
}
