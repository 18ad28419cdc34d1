package com.biometriclogger.evidence;

import static com.biometriclogger.evidence.TestIds.id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.AuditItem;
import com.biometriclogger.evidence.Finding.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Erase signs a record only for an item that verifies and that its hour's seal holds as it is. */
class ErasableCheckTest {

    private static final String HOUR = "2026-05-03T08";

    @TempDir
    Path dir;

    @Test
    void aSignedItemItsSealHoldsMayBeErased() {
        var ledger = SealedLedger.twoDecisionsSealed(dir);

        assertEquals(Optional.empty(), check(ledger, item(ledger, id("a1")), ledger.parts(HOUR)));
    }

    @Test
    void anItemWhoseSignatureFailsStays() {
        var ledger = SealedLedger.twoDecisionsSealed(dir);
        var altered = item(ledger, id("a1")).with(AuditAttribute.DECISION, "AUTHORIZED");

        assertEquals(Optional.of(Problem.SIGNATURE_INVALID), problem(check(ledger, altered, ledger.parts(HOUR))));
    }

    @Test
    void anItemReSignedAfterSealingStays() {
        var ledger = SealedLedger.twoDecisionsSealed(dir);
        var resigned = ledger.itemSigning.signItem(
                item(ledger, id("a1")).with(AuditAttribute.DECISION, "AUTHORIZED"));

        assertEquals(Optional.of(Problem.CHANGED_AFTER_SEALING), problem(check(ledger, resigned, ledger.parts(HOUR))));
    }

    @Test
    void anItemItsSealDoesNotHoldStays() {
        var ledger = SealedLedger.twoDecisionsSealed(dir);
        var added = AuditItem.of(ledger.add(id("a3"), "2026-05-03T08:30:00Z"));

        assertEquals(Optional.of(Problem.NOT_IN_SEAL), problem(check(ledger, added, ledger.parts(HOUR))));
    }

    @Test
    void aSealThatCannotBeReadKeepsTheItem() {
        var ledger = SealedLedger.twoDecisionsSealed(dir);
        var seal = ledger.parts(HOUR);
        seal.get(0).put(SealRecord.PART, "x");

        assertEquals(Optional.of(Problem.SEAL_INVALID), problem(check(ledger, item(ledger, id("a1")), seal)));
    }

    @Test
    void aSealOfIdsOnlyCannotTellAChangeSoTheItemMayBeErased() {
        var ledger = SealedLedger.twoDecisionsSealed(dir);
        var resigned = ledger.itemSigning.signItem(
                item(ledger, id("a1")).with(AuditAttribute.DECISION, "AUTHORIZED"));
        var seal = ledger.parts(HOUR);
        var head = seal.get(0);
        head.put(SealRecord.SCHEMA_VERSION, "1");
        head.put(SealRecord.ATTEMPT_IDS, id("a1") + "," + id("a2"));

        assertEquals(Optional.empty(), check(ledger, resigned, List.of(head)));
    }

    private static AuditItem item(SealedLedger ledger, String id) {
        return AuditItem.of(ledger.items.get(id));
    }

    private static Optional<Finding> check(SealedLedger ledger, AuditItem item, List<Map<String, String>> seal) {
        return new ErasableCheck(new SignatureCheck(List.of(ledger.itemKey))).problem(item, seal);
    }

    private static Optional<Problem> problem(Optional<Finding> finding) {
        return finding.map(Finding::problem);
    }
}
