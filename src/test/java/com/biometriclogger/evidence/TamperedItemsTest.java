package com.biometriclogger.evidence;

import static com.biometriclogger.evidence.SealedLedger.attributes;
import static com.biometriclogger.evidence.TestIds.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.decision.AuditItem;
import com.biometriclogger.evidence.Finding.Problem;
import com.biometriclogger.local.stack.LocalKeyFileSigner;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The evidence check on decisions changed, deleted, inserted, misfiled or signed by another key, the ways an
 * insider with the table could.
 */
class TamperedItemsTest extends ThreeDecisionsInTwoSealedHours {

    @Test
    void anUntouchedLedgerIsIntact() {
        var report = verify();

        assertTrue(report.clean(), report.findings().toString());
        assertEquals(3, report.signaturesValid());
        assertEquals(2, report.periodsSealed());
        assertEquals(0, report.unsealedItems());
        assertEquals(List.of(), report.warnings());
    }

    @Test
    void aChangedAttributeIsNamedByItsItem() {
        items.get(id("a2")).put("decision", "AUTHORIZED");

        assertEquals(List.of(Problem.SIGNATURE_INVALID, Problem.CHANGED_AFTER_SEALING), problems(verify()));
    }

    @Test
    void aChangeReSignedWithTheItemKeyIsStillNamedByItsSeal() {
        var changed = new HashMap<>(items.get(id("a2")));
        changed.put("decision", "AUTHORIZED");
        add(itemSigning.sign(changed));

        assertEquals(List.of(new Finding(Problem.CHANGED_AFTER_SEALING, id("a2"), "sealed in hour 2026-05-03T08 UTC with digest "
                + digestAtSealing("2026-05-03T08", id("a2")) + ", its content now hashes to " + CanonicalForm.digest(changed))),
                verify().findings());
    }

    @Test
    void aDeletedItemIsNamedByTheSealItIsMissingFrom() {
        items.remove(id("a1"));

        assertEquals(List.of(new Finding(Problem.DELETED_AFTER_SEALING, id("a1"),
                "sealed in hour 2026-05-03T08 UTC, missing from the table")), verify().findings());
    }

    @Test
    void anItemInsertedIntoASealedHourIsCaughtEvenWithAValidSignature() {
        add(item(id("a3"), "2026-05-03T08:30:00Z"));

        assertEquals(List.of(new Finding(Problem.NOT_IN_SEAL, id("a3"),
                "dated hour 2026-05-03T08 UTC, but not in that hour's seal: added after sealing")), verify().findings());
    }

    @Test
    void itemsFiledBeforeTheChainBeganInTheFutureOrUnderAnotherHourAreNamed() {
        add(item(id("old"), "2020-01-01T00:00:00Z"));
        add(item(id("future"), "9999-12-31T23:00:00Z"));
        var misfiled = new HashMap<>(item(id("misfiled"), "2026-05-03T10:10:00Z"));
        misfiled.put("sealPeriod", "2026-05-03T08");
        add(itemSigning.sign(misfiled));

        assertEquals(List.of(Problem.ITEM_MISDATED, Problem.NOT_IN_SEAL, Problem.BEFORE_GENESIS, Problem.IN_FUTURE),
                problems(verify()));
    }

    @Test
    void anItemSignedByAnotherKeyIsUntrusted() {
        var forger = new EvidenceSigning(LocalKeyFileSigner.createIfMissing(dir.resolve("forger.pem")));
        add(forger.signItem(AuditItem.of(attributes(id("b2"), "2026-05-03T10:10:00Z"))).attributes());

        assertEquals(List.of(Problem.UNTRUSTED_KEY), problems(verify()));
        assertEquals(1, verify().unsealedItems());
    }

    @Test
    void itemsSignedByAReplacedKeyAndItsSuccessorVerifyWhenBothAreTrusted() {
        var oldKey = new EvidenceKey("arn:key/old", itemKey.publicKey());
        var successor = LocalKeyFileSigner.createIfMissing(dir.resolve("successor.pem"));
        var newKey = new EvidenceKey("arn:key/new", successor.evidenceKey().publicKey());
        items.clear();
        var before = new EvidenceSigning(LocalKeyFileSigner.load(dir.resolve("item.pem")).as("arn:key/old"));
        var after = new EvidenceSigning(successor.as("arn:key/new"));
        add(before.signItem(AuditItem.of(attributes(id("a1"), "2026-05-03T10:01:00Z"))).attributes());
        add(after.signItem(AuditItem.of(attributes(id("a2"), "2026-05-03T10:02:00Z"))).attributes());

        var both = verify(List.of(oldKey, newKey));
        var oldOnly = verify(List.of(oldKey));

        assertEquals(List.of(), both.findings());
        assertEquals(2, both.signaturesValid());
        assertEquals(List.of(new Finding(Problem.UNTRUSTED_KEY, id("a2"), "uploads/" + id("a2") + ".jpg: signed by arn:key/new, not by a "
                + "trusted key (arn:key/old)")), oldOnly.findings());
    }

        @Test
    void anUnsignedItemAndANonStringAttributeAreNamed() {
        var verifier = new EvidenceVerifier(List.of(itemKey), List.of(sealKey), Optional.empty(), Optional.empty());
        verifier.checkItem(new StoredItem(attributes(id("c1"), "2026-05-03T10:01:00Z"), List.of()));
        verifier.checkItem(new StoredItem(items.get(id("a1")), List.of("faceCount")));

        // Unsigned, it was never stamped with its hour either.
        assertEquals(List.of(Problem.UNSIGNED, Problem.ITEM_MISDATED, Problem.NOT_STRING_TYPED),
                problems(verifier.finish(NOW)));
    }

    private String digestAtSealing(String period, String id) {
        return SealRecord.from(archive.read(period).get(0)).leaves().stream()
                .filter(leaf -> leaf.attemptId().equals(id)).findFirst().orElseThrow().digest();
    }
}
