package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.evidence.EvidenceVerifier.StoredItem;
import com.biometriclogger.evidence.Finding.Problem;
import com.biometriclogger.local.LocalKeyFileSigner;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceVerifierTest {

    private static final Instant NOW = Instant.parse("2026-05-03T10:30:00Z");

    @TempDir
    Path dir;

    private EvidenceSigning signing;
    private EvidenceKey key;
    private final List<Map<String, String>> items = new ArrayList<>();
    private final List<Map<String, String>> seals = new ArrayList<>();

    @BeforeEach
    void signedTableWithTwoSealedHours() {
        var signer = LocalKeyFileSigner.createIfMissing(dir.resolve("key.pem"));
        signing = new EvidenceSigning(signer);
        key = signer.evidenceKey();
        items.add(item("a1", "2026-05-03T08"));
        items.add(item("a2", "2026-05-03T08"));
        items.add(item("b1", "2026-05-03T09"));
        seals.add(seal("2026-05-03T08", "a1", "a2"));
        seals.add(seal("2026-05-03T09", "b1"));
    }

    @Test
    void anUntouchedTableIsIntact() {
        var report = verify();

        assertTrue(report.clean(), report.findings().toString());
        assertEquals(3, report.signaturesValid());
        assertEquals(2, report.hoursSealed());
        assertEquals(0, report.unsealedItems());
        assertEquals(List.of(), report.warnings());
    }

    @Test
    void aChangedAttributeIsNamedByItsItem() {
        items.get(1).put("decision", "AUTHORIZED");

        assertEquals(List.of(new Finding(Problem.SIGNATURE_INVALID, "a2",
                "uploads/a2.jpg: content does not match its signature: altered after signing, or forged")), verify().findings());
    }

    @Test
    void aDeletedItemIsNamedByTheSealItIsMissingFrom() {
        items.remove(0);

        assertEquals(List.of(new Finding(Problem.DELETED_AFTER_SEALING, "a1",
                "sealed in hour 2026-05-03T08 UTC, missing from the table")), verify().findings());
    }

    @Test
    void anItemInsertedIntoASealedHourIsCaughtEvenWithAValidSignature() {
        items.add(item("a3", "2026-05-03T08"));

        assertEquals(List.of(Problem.NOT_IN_SEAL), problems(verify()));
        assertEquals("a3", verify().findings().get(0).subject());
    }

    @Test
    void anItemSignedByAnotherKeyIsUntrusted() {
        var forger = new EvidenceSigning(LocalKeyFileSigner.createIfMissing(dir.resolve("forger.pem")));
        var forged = new HashMap<>(forger.sign(attributes("b2", "2026-05-03T10")));
        items.add(forged);

        assertEquals(List.of(Problem.UNTRUSTED_KEY), problems(verify()));
        assertEquals(1, verify().unsealedItems());
    }

    @Test
    void anUnsignedItemAndANonStringAttributeAreNamed() {
        var unsigned = attributes("c1", "2026-05-03T10");
        var verifier = new EvidenceVerifier(key, Optional.empty(), Optional.empty());
        verifier.checkItem(new StoredItem(unsigned, List.of()));
        verifier.checkItem(new StoredItem(items.get(0), List.of("faceCount")));

        var report = verifier.finish(NOW);

        assertEquals(List.of(Problem.UNSIGNED, Problem.NOT_STRING_TYPED), problems(report));
    }

    @Test
    void aDeletedSealBetweenTwoOthersIsAGap() {
        seals.add(seal("2026-05-03T07"));
        seals.remove(0);

        var report = verify();

        assertEquals(List.of(new Finding(Problem.SEAL_MISSING, "2026-05-03T08",
                "no seal between 2026-05-03T07 and 2026-05-03T09: a seal was deleted")), report.findings());
        assertEquals(2, report.unsealedItems());
    }

    @Test
    void aStaleNewestSealIsAWarningNotAFinding() {
        var report = verify(NOW.plusSeconds(6 * 3600));

        assertTrue(report.clean());
        assertTrue(report.warnings().get(0).startsWith("the newest seal is for 2026-05-03T09 UTC"), report.warnings().toString());
    }

    private EvidenceReport verify() {
        return verify(NOW);
    }

    private EvidenceReport verify(Instant now) {
        var verifier = new EvidenceVerifier(key, Optional.empty(), Optional.empty());
        items.forEach(item -> verifier.checkItem(new StoredItem(item, List.of())));
        seals.forEach(seal -> verifier.checkSeal(new StoredItem(seal, List.of())));
        return verifier.finish(now);
    }

    private static List<Problem> problems(EvidenceReport report) {
        return report.findings().stream().map(Finding::problem).toList();
    }

    private Map<String, String> item(String id, String period) {
        return new HashMap<>(signing.sign(attributes(id, period)));
    }

    private static Map<String, String> attributes(String id, String period) {
        return Map.of("attemptId", id, "objectKey", "uploads/" + id + ".jpg", "decision", "UNAUTHORIZED",
                "reasons", "NO_FACE", "sealPeriod", period);
    }

    private Map<String, String> seal(String period, String... ids) {
        return signing.sign(Map.of(SealRecord.SEAL_ID, SealRecord.sealId(period, 0), SealRecord.PERIOD, period,
                SealRecord.PART, "0", SealRecord.PART_COUNT, "1", SealRecord.ITEM_COUNT, Integer.toString(ids.length),
                SealRecord.ATTEMPT_IDS, String.join(",", ids)));
    }
}
