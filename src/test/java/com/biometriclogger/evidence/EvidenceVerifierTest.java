package com.biometriclogger.evidence;

import static com.biometriclogger.evidence.TestIds.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.decision.AuditItem;
import com.biometriclogger.decision.ErasureRecord;
import com.biometriclogger.evidence.Finding.Problem;
import com.biometriclogger.local.stack.LocalKeyFileSigner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The evidence check on its own: items signed with the item key, sealed by the real sealer with the
 * seal key into an in-memory table and archive, then changed the ways an insider could.
 */
class EvidenceVerifierTest {

    private static final Instant NOW = Instant.parse("2026-05-03T10:30:00Z");

    @TempDir
    Path dir;

    private EvidenceSigning itemSigning;
    private EvidenceSigning sealSigning;
    private EvidenceKey itemKey;
    private EvidenceKey sealKey;
    private final Map<String, Map<String, String>> items = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> seals = new TreeMap<>();
    private final InMemorySealArchive archive = new InMemorySealArchive();

    @BeforeEach
    void threeDecisionsInTwoSealedHours() {
        var itemSigner = LocalKeyFileSigner.createIfMissing(dir.resolve("item.pem"));
        var sealSigner = LocalKeyFileSigner.createIfMissing(dir.resolve("seal.pem"));
        itemSigning = new EvidenceSigning(itemSigner);
        sealSigning = new EvidenceSigning(sealSigner);
        itemKey = itemSigner.evidenceKey();
        sealKey = sealSigner.evidenceKey();
        add(item(id("a1"), "2026-05-03T08:10:00Z"));
        add(item(id("a2"), "2026-05-03T08:20:00Z"));
        add(item(id("b1"), "2026-05-03T09:15:00Z"));
        seal("2026-05-03T10:05:00Z");
    }

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
    void aSealSignedWithTheItemKeyIsUntrusted() {
        var head = new HashMap<>(seals.get("2026-05-03T09#0"));
        var forged = itemSigning.sign(head);
        seals.put("2026-05-03T09#0", forged);

        var report = verifyTableOnly();

        assertTrue(problems(report).contains(Problem.UNTRUSTED_KEY), report.findings().toString());
    }

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

    @Test
    void withoutTheArchiveADeletedSealAndItsItemBreakTheChain() {
        seals.remove("2026-05-03T08#0");
        items.remove(id("a1"));
        items.remove(id("a2"));

        var report = verifyTableOnly();

        assertEquals(List.of(Problem.CHAIN_TRUNCATED), problems(report));
    }

    @Test
    void withTheArchiveASealDeletedFromTheTableStillNamesItsDeletedDecisions() {
        seals.remove("2026-05-03T08#0");
        items.remove(id("a1"));

        assertEquals(List.of(Problem.SEAL_MISSING_FROM_TABLE, Problem.DELETED_AFTER_SEALING), problems(verify()));
    }

    @Test
    void aSealRewrittenBySealKeyHolderDiffersFromItsArchivedCopy() {
        var rewritten = new HashMap<>(seals.get("2026-05-03T08#0"));
        rewritten.put(SealRecord.LEAVES, leafOf(id("a1")));
        rewritten.put(SealRecord.ITEM_COUNT, "1");
        seals.put("2026-05-03T08#0", sealSigning.sign(rewritten));
        items.remove(id("a2"));

        assertEquals(List.of(Problem.SEAL_DIFFERS_FROM_ARCHIVE, Problem.DELETED_AFTER_SEALING), problems(verify()));
    }

    @Test
    void aSecondVersionOverALockedSealAndADeleteMarkerAreNamed() {
        var verifier = verifier();
        archive.hours.forEach((period, parts) -> verifier.checkArchivedSeal(new ArchivedSeal(period, "seals/" + period,
                parts, period.endsWith("08") ? 2 : 1, period.endsWith("09") ? 1 : 0, Optional.empty())));

        assertEquals(List.of(Problem.ARCHIVE_OVERWRITTEN, Problem.ARCHIVE_HIDDEN), problems(verifier.finish(NOW)));
    }

    @Test
    void aSealInTheTableThatTheArchiveLacksWasNotWrittenByTheSealer() {
        archive.hours.remove("2026-05-03T09");

        assertEquals(List.of(Problem.NOT_ARCHIVED), problems(verify()));
    }

    @ParameterizedTest(name = "period \"{0}\"")
    @ValueSource(strings = {"garbage", ""})
    void aCorrectlySignedSealWithAMalformedPeriodIsOneSealInvalidFinding(String period) {
        seals.put(period + "#0", signedSealFor(period));

        var report = verifyTableOnly();

        assertEquals(List.of(new Finding(Problem.SEAL_INVALID, "seal " + period + "#0",
                "'" + period + "' is not an hour like 2026-05-03T08")), report.findings().stream()
                .filter(f -> f.about().equals("seal " + period + "#0")).toList());
    }

    @Test
    void aCorrectlySignedSealForAFarFutureHourMakesTheGapOneRangeFindingNotAnHourByHourWalk() {
        seals.put("9999-12-31T23#0", signedSealFor("9999-12-31T23"));

        var report = verifyTableOnly();

        assertEquals(List.of("2026-05-03T10 to 9999-12-31T22"), report.findings().stream()
                .filter(f -> f.problem() == Problem.SEAL_MISSING).map(Finding::about).toList());
    }

    /** The 09 hour's seal, re-filed under another period and correctly signed: what a buggy sealer or a kms:Sign holder writes. */
    private Map<String, String> signedSealFor(String period) {
        var head = new HashMap<>(seals.get("2026-05-03T09#0"));
        head.put(SealRecord.PERIOD, period);
        head.put(SealRecord.SEAL_ID, period + "#0");
        return sealSigning.sign(head);
    }

    @Test
    void aStaleNewestSealIsAFinding() {
        var report = verify(NOW.plusSeconds(6 * 3600));

        assertEquals(List.of(Problem.SEALING_STOPPED), problems(report));
    }

    private EvidenceReport verify() {
        return verify(NOW);
    }

    private EvidenceReport verify(Instant now) {
        var verifier = verifier();
        archive.hours.forEach((period, parts) ->
                verifier.checkArchivedSeal(new ArchivedSeal(period, "seals/" + period, parts, 1, 0, Optional.empty())));
        return verifier.finish(now);
    }

    private EvidenceReport verifyTableOnly() {
        return verifier().finish(NOW);
    }

    private EvidenceReport verify(List<EvidenceKey> itemKeys) {
        var verifier = new EvidenceVerifier(itemKeys, List.of(sealKey), Optional.empty(), Optional.empty());
        items.values().forEach(item -> verifier.checkItem(new StoredItem(item, List.of())));
        return verifier.finish(NOW);
    }

    private EvidenceVerifier verifier() {
        var verifier = new EvidenceVerifier(List.of(itemKey), List.of(sealKey), Optional.empty(), Optional.empty());
        items.values().forEach(item -> verifier.checkItem(new StoredItem(item, List.of())));
        seals.values().forEach(seal -> verifier.checkSeal(new StoredItem(seal, List.of())));
        return verifier;
    }

    private void seal(String now) {
        var store = new InMemorySealStore(seals);
        Sealer.PeriodIndex index = period -> items.values().stream()
                .filter(item -> period.equals(item.get("sealPeriod"))).toList();
        new Sealer(index, store, archive, sealSigning, Clock.fixed(Instant.parse(now), ZoneOffset.UTC)).sealDue();
    }

    private String digestAtSealing(String period, String id) {
        return SealRecord.from(archive.read(period).get(0)).leaves().stream()
                .filter(leaf -> leaf.attemptId().equals(id)).findFirst().orElseThrow().digest();
    }

    private String leafOf(String id) {
        return id + ":" + CanonicalForm.digest(items.get(id));
    }

    /** What erase does: the signed record first, then the item goes. */
    private void erase(String id, EvidenceSigning signing) {
        add(signing.signItem(erasureOf(items.get(id), CanonicalForm.digest(items.get(id)))).attributes());
        items.remove(id);
    }

    private static AuditItem erasureOf(Map<String, String> item, String digest) {
        return ErasureRecord.of(AuditItem.of(item), digest, new ErasureRecord.Request("REQ-1", "GDPR art. 17(1)(b)",
                "operator"), Instant.parse("2026-05-03T10:20:00Z"));
    }

    private void add(Map<String, String> item) {
        items.put(item.get("attemptId"), new HashMap<>(item));
    }

    private Map<String, String> item(String id, String decidedAt) {
        return itemSigning.signItem(AuditItem.of(attributes(id, decidedAt))).attributes();
    }

    private static Map<String, String> attributes(String id, String decidedAt) {
        return Map.of("attemptId", id, "objectKey", "uploads/" + id + ".jpg", "decision", "UNAUTHORIZED",
                "reasons", "NO_FACE", "decidedAt", decidedAt);
    }

    private static List<Problem> problems(EvidenceReport report) {
        return report.findings().stream().map(Finding::problem).toList();
    }
}
