package com.biometriclogger.evidence;

import static com.biometriclogger.evidence.TestIds.id;

import com.biometriclogger.decision.AuditItem;
import com.biometriclogger.local.stack.LocalKeyFileSigner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Items signed with an item key and sealed by the real sealer with a seal key, all in memory, for the checks' unit tests. */
final class SealedLedger {

    final EvidenceSigning sealSigning;
    final EvidenceKey itemKey;
    final EvidenceKey sealKey;
    final Map<String, Map<String, String>> items = new LinkedHashMap<>();
    final Map<String, Map<String, String>> table = new TreeMap<>();
    final InMemorySealArchive archive = new InMemorySealArchive();
    final EvidenceSigning itemSigning;

    SealedLedger(Path dir) {
        var itemSigner = LocalKeyFileSigner.createIfMissing(dir.resolve("item.pem"));
        var sealSigner = LocalKeyFileSigner.createIfMissing(dir.resolve("seal.pem"));
        itemSigning = new EvidenceSigning(itemSigner);
        sealSigning = new EvidenceSigning(sealSigner);
        itemKey = itemSigner.evidenceKey();
        sealKey = sealSigner.evidenceKey();
    }

    /** Two decisions of 2026-05-03T08, sealed as the schedule would just after the hour. */
    static SealedLedger twoDecisionsSealed(Path dir) {
        var ledger = new SealedLedger(dir);
        ledger.add(id("a1"), "2026-05-03T08:10:00Z");
        ledger.add(id("a2"), "2026-05-03T08:20:00Z");
        ledger.sealAt("2026-05-03T09:05:00Z");
        return ledger;
    }

    /** A signed decision, filed under the hour of {@code decidedAt}. */
    Map<String, String> add(String id, String decidedAt) {
        items.put(id, new HashMap<>(signed(id, decidedAt)));
        return items.get(id);
    }

    /** A decision signed with the item key, not yet in the table. */
    Map<String, String> signed(String id, String decidedAt) {
        return itemSigning.signItem(AuditItem.of(attributes(id, decidedAt))).attributes();
    }

    static Map<String, String> attributes(String id, String decidedAt) {
        return Map.of("attemptId", id, "objectKey", "uploads/" + id + ".jpg", "decision", "UNAUTHORIZED",
                "reasons", "NO_FACE", "decidedAt", decidedAt);
    }

    /** Runs the sealer as its schedule would at {@code now}. */
    Sealer.Report sealAt(String now) {
        return sealer(now).sealDue();
    }

    /** Runs the sealer at {@code now} as the local stack's {@code seal} does: the current hour as if it had ended. */
    Sealer.Report sealEarlyAt(String now) {
        return sealer(now).sealThrough(SealPeriod.containing(Instant.parse(now)).end());
    }

    private Sealer sealer(String now) {
        Sealer.PeriodIndex index = period -> items.values().stream()
                .filter(item -> period.equals(item.get("sealPeriod"))).toList();
        return new Sealer(index, new InMemorySealStore(table), archive, sealSigning,
                Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    /** The hour's parts as archived, each a copy a test may change. */
    List<Map<String, String>> parts(String period) {
        var parts = new ArrayList<Map<String, String>>();
        archive.read(period).forEach(part -> parts.add(new HashMap<>(part)));
        return parts;
    }

    SealHeads heads() {
        return new SealHeads(new SignatureCheck(List.of(sealKey)));
    }

    /** The hour's seal as read when nothing is wrong with it. */
    SealedPeriod hour(String period) {
        return heads().read(period, parts(period), finding -> {
            throw new AssertionError(finding.toString());
        }).orElseThrow();
    }
}
