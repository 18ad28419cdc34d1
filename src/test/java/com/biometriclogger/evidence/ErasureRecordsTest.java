package com.biometriclogger.evidence;

import static com.biometriclogger.evidence.TestIds.id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.biometriclogger.decision.AuditItem;
import com.biometriclogger.evidence.Finding.Problem;
import com.biometriclogger.local.stack.LocalKeyFileSigner;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evidence check on erasure records: only a valid, signed record turns a sealed item's absence into an erasure. */
class ErasureRecordsTest extends ThreeDecisionsInTwoSealedHours {

    @Test
    void sealedItemsGoneUnderAValidErasureRecordAreErasedNotDeleted() {
        erase(id("a1"), itemSigning);
        erase(id("b1"), itemSigning);

        var report = verify();

        assertEquals(List.of(), report.findings());
        assertEquals(2, report.erased());
        // Filed under the hour of the erasure, which is not sealed yet.
        assertEquals("2026-05-03T10", items.get("erasure-" + id("a1")).get("sealPeriod"));
        assertEquals(2, report.unsealedItems());
    }

    @Test
    void anErasureRecordSignedByAnUntrustedKeyAccountsForNothing() {
        erase(id("a1"), new EvidenceSigning(LocalKeyFileSigner.createIfMissing(dir.resolve("forger.pem"))));

        var report = verify();

        assertEquals(List.of(Problem.UNTRUSTED_KEY, Problem.DELETED_AFTER_SEALING), problems(report));
        assertEquals("erasure-" + id("a1"), report.findings().get(0).about());
        assertEquals(0, report.erased());
    }

    @Test
    void anErasureRecordAlteredAfterSigningIsNamedAndItsItemIsADeletion() {
        erase(id("a1"), itemSigning);
        items.get("erasure-" + id("a1")).put("legalBasis", "none");

        var report = verify();

        assertEquals(List.of(new Finding(Problem.SIGNATURE_INVALID, "erasure-" + id("a1"),
                "content does not match its signature: altered after signing, or forged"),
                new Finding(Problem.DELETED_AFTER_SEALING, id("a1"), "sealed in hour 2026-05-03T08 UTC, missing from the table")),
                report.findings());
    }

    @Test
    void anErasureRecordForAnItemStillPresentOrNeverSealedIsNamed() {
        var present = erasureOf(items.get(id("a2")), CanonicalForm.digest(items.get(id("a2"))));
        var neverSealed = erasureOf(Map.of("attemptId", id("f0"), "sha256", "ab"), "00");
        add(itemSigning.signItem(present).attributes());
        add(itemSigning.signItem(neverSealed).attributes());

        var report = verify();

        assertEquals(List.of(new Finding(Problem.ERASURE_INCOMPLETE, "erasure-" + id("a2"), "records the erasure of " + id("a2")
                + " under request REQ-1, but that item is still in the table: run erase again to finish"),
                new Finding(Problem.ERASURE_OF_UNSEALED, "erasure-" + id("f0"), "names " + id("f0") + ", which no seal holds: it accounts for "
                        + "nothing that was ever sealed")), report.findings());
    }

    @Test
    void anErasureRecordWithAnotherDigestOrStoredUnderAnotherIdAccountsForNothing() {
        add(itemSigning.signItem(erasureOf(items.get(id("a1")), "ff".repeat(32))).attributes());
        items.remove(id("a1"));
        var misfiled = new HashMap<>(erasureOf(items.get(id("a2")), CanonicalForm.digest(items.get(id("a2")))).attributes());
        misfiled.put("attemptId", "erasure-" + id("b1"));
        add(itemSigning.signItem(AuditItem.of(misfiled)).attributes());

        assertEquals(List.of(Problem.ERASURE_INVALID, Problem.ERASURE_MISMATCH), problems(verify()));
    }
}
