package com.biometriclogger.evidence;

import static com.biometriclogger.evidence.TestIds.id;

import com.biometriclogger.decision.AuditItem;
import com.biometriclogger.decision.ErasureRecord;
import com.biometriclogger.evidence.Finding.Problem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evidence check's unit tests start here: items signed with the item key, sealed by the real sealer with the
 * seal key into an in-memory table and archive ({@link SealedLedger}), which each test then changes the ways an
 * insider could.
 */
abstract class ThreeDecisionsInTwoSealedHours {

    static final Instant NOW = Instant.parse("2026-05-03T10:30:00Z");

    @TempDir
    Path dir;

    EvidenceSigning itemSigning;
    EvidenceSigning sealSigning;
    EvidenceKey itemKey;
    EvidenceKey sealKey;
    Map<String, Map<String, String>> items;
    Map<String, Map<String, String>> seals;
    InMemorySealArchive archive;
    private SealedLedger ledger;

    @BeforeEach
    void threeDecisionsInTwoSealedHours() {
        ledger = new SealedLedger(dir);
        itemSigning = ledger.itemSigning;
        sealSigning = ledger.sealSigning;
        itemKey = ledger.itemKey;
        sealKey = ledger.sealKey;
        items = ledger.items;
        seals = ledger.table;
        archive = ledger.archive;
        ledger.add(id("a1"), "2026-05-03T08:10:00Z");
        ledger.add(id("a2"), "2026-05-03T08:20:00Z");
        ledger.add(id("b1"), "2026-05-03T09:15:00Z");
        ledger.sealAt("2026-05-03T10:05:00Z");
    }

    EvidenceReport verify() {
        return verify(NOW);
    }

    /** As {@code verify} runs with the archive: each archived hour one locked version, no delete marker. */
    EvidenceReport verify(Instant now) {
        var verifier = verifier();
        archive.hours.forEach((period, parts) ->
                verifier.checkArchivedSeal(new ArchivedSeal(period, "seals/" + period, parts, 1, 0, Optional.empty())));
        return verifier.finish(now);
    }

    EvidenceReport verifyTableOnly() {
        return verifier().finish(NOW);
    }

    /** The items alone, trusting {@code itemKeys}. */
    EvidenceReport verify(List<EvidenceKey> itemKeys) {
        var verifier = new EvidenceVerifier(itemKeys, List.of(sealKey), Optional.empty(), Optional.empty());
        items.values().forEach(item -> verifier.checkItem(new StoredItem(item, List.of())));
        return verifier.finish(NOW);
    }

    /** A verifier that has read the table, items and seals, and not yet the archive. */
    EvidenceVerifier verifier() {
        var verifier = new EvidenceVerifier(List.of(itemKey), List.of(sealKey), Optional.empty(), Optional.empty());
        items.values().forEach(item -> verifier.checkItem(new StoredItem(item, List.of())));
        seals.values().forEach(seal -> verifier.checkSeal(new StoredItem(seal, List.of())));
        return verifier;
    }

    /** What erase does: the signed record first, then the item goes. */
    void erase(String id, EvidenceSigning signing) {
        add(signing.signItem(erasureOf(items.get(id), CanonicalForm.digest(items.get(id)))).attributes());
        items.remove(id);
    }

    static AuditItem erasureOf(Map<String, String> item, String digest) {
        return ErasureRecord.of(AuditItem.of(item), digest, new ErasureRecord.Request("REQ-1", "GDPR art. 17(1)(b)",
                "operator"), Instant.parse("2026-05-03T10:20:00Z"));
    }

    void add(Map<String, String> item) {
        items.put(item.get("attemptId"), new HashMap<>(item));
    }

    /** A decision signed with the item key, not yet in the table. */
    Map<String, String> item(String id, String decidedAt) {
        return ledger.signed(id, decidedAt);
    }

    static List<Problem> problems(EvidenceReport report) {
        return report.findings().stream().map(Finding::problem).toList();
    }
}
