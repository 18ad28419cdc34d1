package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.decision.AuditItem;
import com.biometriclogger.decision.ErasureRecord;
import com.biometriclogger.evidence.Finding.Problem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure after an early seal (the local stack's {@code seal}): the records go into the next hour,
 * and verify accepts that of an erasure record written after its hour's seal, of nothing else.
 */
class EarlySealErasureTest {

    private static final SubjectKeys SUBJECT = new SubjectKeys("bucket", "uploads/", "references/", "a1");

    @TempDir
    Path dir;

    @Test
    void anErasureAfterAnEarlySealIsFiledUnderTheNextHourAndVerifiesIntact() {
        var ledger = earlySealedAt("2026-05-03T08:30:00Z");

        erase(ledger, "2026-05-03T08:40:00Z");

        var record = ledger.items.get(ErasureRecord.idFor(TestIds.id("a1")));
        assertEquals("2026-05-03T09", record.get("sealPeriod"));
        var report = verify(ledger, "2026-05-03T08:45:00Z");
        assertTrue(report.clean(), report.findings().toString());
        assertEquals(1, report.erased());
        assertEquals(1, report.unsealedItems());
        // Within its hour nothing seals it early again; in the next hour a seal holds it like any item.
        assertEquals(List.of(), ledger.sealEarlyAt("2026-05-03T08:50:00Z").sealedPeriods());
        ledger.sealEarlyAt("2026-05-03T09:10:00Z");
        var later = verify(ledger, "2026-05-03T09:15:00Z");
        assertTrue(later.clean(), later.findings().toString());
        assertEquals(0, later.unsealedItems());
    }

    @Test
    void anErasureOfAnOpenHourStaysInItsOwnHour() {
        var ledger = SealedLedger.twoDecisionsSealed(dir);

        erase(ledger, "2026-05-03T09:10:00Z");

        assertEquals("2026-05-03T09", ledger.items.get(ErasureRecord.idFor(TestIds.id("a1"))).get("sealPeriod"));
        assertTrue(verify(ledger, "2026-05-03T09:15:00Z").clean());
    }

    @Test
    void aRecordMovedToTheNextHourWhileItsOwnWasOpenIsMisdated() {
        var ledger = SealedLedger.twoDecisionsSealed(dir);
        // Written at 08:40, before the 09:05 seal of its hour: it belongs in that seal, not the next hour's.
        var record = ledger.itemSigning.signItem(ErasureRecord.of(AuditItem.of(ledger.items.get(TestIds.id("a1"))), "digest",
                new ErasureRecord.Request("REQ-1", "consent withdrawn", "tester"),
                Instant.parse("2026-05-03T08:40:00Z")), SealPeriod.parse("2026-05-03T09"));
        ledger.items.put(record.attemptId(), new HashMap<>(record.attributes()));

        var report = verify(ledger, "2026-05-03T09:15:00Z");

        assertTrue(report.findings().stream().anyMatch(finding -> finding.problem() == Problem.ITEM_MISDATED
                && finding.about().equals(record.attemptId())), report.findings().toString());
    }

    @Test
    void aDecisionIsNeverFiledUnderTheNextHourEvenAfterAnEarlySeal() {
        var ledger = earlySealedAt("2026-05-03T08:30:00Z");
        var decision = ledger.itemSigning.signItem(AuditItem.of(Map.of("attemptId", TestIds.id("a9"), "objectKey",
                "uploads/a9.jpg", "decision", "UNAUTHORIZED", "reasons", "NO_FACE", "decidedAt",
                "2026-05-03T08:40:00Z")), SealPeriod.parse("2026-05-03T09"));
        ledger.items.put(TestIds.id("a9"), new HashMap<>(decision.attributes()));

        var report = verify(ledger, "2026-05-03T08:45:00Z");

        assertEquals(List.of(Problem.ITEM_MISDATED, Problem.IN_FUTURE),
                report.findings().stream().map(Finding::problem).toList());
    }

    private SealedLedger earlySealedAt(String now) {
        var ledger = new SealedLedger(dir);
        ledger.add(TestIds.id("a1"), "2026-05-03T08:10:00Z");
        ledger.sealEarlyAt(now);
        return ledger;
    }

    private static void erase(SealedLedger ledger, String now) {
        Erasure.Ledger table = new Erasure.Ledger() {
            @Override
            public List<AuditItem> itemsOf(SubjectKeys subject) {
                return ledger.items.values().stream().filter(item -> TestIds.id("a1").equals(item.get("attemptId")))
                        .map(AuditItem::of).toList();
            }

            @Override
            public Optional<AuditItem> putOnce(AuditItem record) {
                return Optional.ofNullable(ledger.items.putIfAbsent(record.attemptId(), record.attributes()))
                        .map(AuditItem::of);
            }

            @Override
            public void delete(String attemptId) {
                ledger.items.remove(attemptId);
            }
        };
        Erasure.Images images = new Erasure.Images() {
            @Override
            public List<Erasure.ImageVersion> versionsOf(SubjectKeys subject) {
                return List.of();
            }

            @Override
            public void delete(SubjectKeys subject, Erasure.ImageVersion version) {
                throw new AssertionError("no images");
            }
        };
        Erasure.Seals seals = period -> {
            var parts = new ArrayList<Map<String, String>>();
            Optional.ofNullable(ledger.table.get(SealRecord.sealId(period, 0))).ifPresent(parts::add);
            return parts;
        };
        var committed = new ArrayList<Commitment>();
        var erasure = new Erasure(table, images, seals, new SignatureCheck(List.of(ledger.itemKey)),
                ledger.itemSigning, committed::add, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
        var plan = erasure.plan(SUBJECT);
        assertEquals(List.of(), plan.refused());
        assertEquals(1, erasure.erase(plan, new ErasureRecord.Request("REQ-1", "consent withdrawn", "tester"))
                .recordsWritten());
        assertEquals(1, committed.size(), "the erasure record is committed as it is written");
    }

    private static EvidenceReport verify(SealedLedger ledger, String now) {
        var verifier = new EvidenceVerifier(List.of(ledger.itemKey), List.of(ledger.sealKey), Optional.empty(),
                Optional.empty());
        ledger.items.values().forEach(item -> verifier.checkItem(new StoredItem(item, List.of())));
        ledger.table.values().forEach(seal -> verifier.checkSeal(new StoredItem(seal, List.of())));
        return verifier.finish(Instant.parse(now));
    }
}
