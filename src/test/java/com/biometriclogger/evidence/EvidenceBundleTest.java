package com.biometriclogger.evidence;

import static com.biometriclogger.evidence.TestIds.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.util.FlatJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle written from a real signed and sealed ledger (no table, no AWS), checked by the bundled
 * Python checker itself: what a recipient runs is the oracle.
 */
class EvidenceBundleTest {

    private static final Instant EXPORTED = Instant.parse("2026-05-04T10:30:00Z");

    @TempDir
    Path keys;
    @TempDir
    Path bundle;

    private SealedLedger ledger;

    /** One decision on 3 May (sealed), two on 4 May (one sealed, one in the export's own hour). */
    @BeforeEach
    void twoDaysOfDecisions() {
        ledger = new SealedLedger(keys);
        ledger.add(id("a1"), "2026-05-03T08:10:00Z");
        ledger.sealAt("2026-05-03T09:05:00Z");
        ledger.add(id("b1"), "2026-05-04T08:10:00Z");
        ledger.sealAt("2026-05-04T09:05:00Z");
        ledger.add(id("c1"), "2026-05-04T10:10:00Z");
    }

    @Test
    void aWholeLedgerBundleChecksIntactWithTheArchivedSeals() throws IOException {
        var written = export(Optional.empty(), Optional.empty(), true, 0);

        var check = BundleChecker.trustingExportedKeys(bundle);
        assertEquals(0, check.status(), check.out());
        assertEquals(List.of(id("a1"), id("b1"), id("c1")), attemptIds(written.resolve("items.jsonl")));
        assertEquals(List.of(id("a1"), id("b1")), attemptIds(written.resolve("proofs.jsonl")));
        var manifest = FlatJson.parse(Files.readString(written.resolve(BundleManifest.FILE)));
        assertEquals("2026-05-03T08", manifest.get("firstHour"));
        assertEquals("archive", manifest.get("sealSource"));
        assertEquals("{\"item\":[{\"file\":\"public-key.pem\",\"keyId\":\"" + ledger.itemKey.keyId().orElse("")
                + "\"}],\"seal\":[{\"file\":\"seal-public-key.pem\",\"keyId\":\"" + ledger.sealKey.keyId().orElse("") + "\"}]}\n",
                Files.readString(written.resolve("trusted-keys.json")));
        for (String file : EvidenceBundle.CHECKER) {
            assertTrue(Files.isRegularFile(written.resolve(file)), file);
        }
    }

    @Test
    void aDayBundleHoldsThatDaysItemsAndSealsAndChainsFromTheSealBefore() throws IOException {
        var day = Optional.of(LocalDate.parse("2026-05-04"));

        var written = export(day, day, true, 0);

        var check = BundleChecker.trustingExportedKeys(bundle);
        assertEquals(0, check.status(), check.out());
        assertEquals(List.of(id("b1"), id("c1")), attemptIds(written.resolve("items.jsonl")));
        assertTrue(Files.readAllLines(written.resolve("seals.jsonl")).stream()
                .allMatch(line -> FlatJson.parse(line).get(SealRecord.PERIOD).startsWith("2026-05-04T")));
        assertEquals(List.of(id("b1")), attemptIds(written.resolve("proofs.jsonl")));
        var manifest = FlatJson.parse(Files.readString(written.resolve(BundleManifest.FILE)));
        assertEquals(CanonicalForm.linkDigest(ledger.parts("2026-05-03T23").get(0)), manifest.get("startHead"));
    }

    @Test
    void withoutAnArchiveTheSealTablesCopiesAreBundledAndTheManifestSaysSo() throws IOException {
        var written = export(Optional.empty(), Optional.empty(), false, 0);

        assertEquals("table", FlatJson.parse(Files.readString(written.resolve(BundleManifest.FILE))).get("sealSource"));
        assertEquals(ledger.table.size(), Files.readAllLines(written.resolve("seals.jsonl")).size());
    }

    @Test
    void aBundleMadeDespiteProblemsFailsTheCheckForThatAlone() throws IOException {
        var written = export(Optional.empty(), Optional.empty(), true, 3);

        var check = BundleChecker.trustingExportedKeys(bundle);
        assertEquals(1, check.status(), check.out());
        assertEquals(List.of("EXPORTED_WITH_PROBLEMS"), check.findings().stream().map(f -> f.substring(0, f.indexOf(' '))).toList());
        assertTrue(Files.readString(written.resolve("VERIFY.md")).contains("**WARNING: `verify` found 3 problem(s) in the ledger when "),
                "VERIFY.md says so at the top");
    }

    @Test
    void aRangeWithNothingInItIsEmpty() {
        var nothing = new EvidenceBundle(bundle, List.of(ledger.itemKey), List.of(ledger.sealKey),
                Optional.of(LocalDate.parse("2026-04-01")), Optional.of(LocalDate.parse("2026-04-30")), true);
        ledger.items.values().forEach(nothing::addItem);
        nothing.addArchivedSeal(ledger.parts("2026-05-03T08"));

        assertTrue(nothing.isEmpty());
        var some = new EvidenceBundle(bundle, List.of(ledger.itemKey), List.of(ledger.sealKey), Optional.empty(),
                Optional.empty(), true);
        some.addItem(ledger.items.get(id("c1")));
        assertFalse(some.isEmpty());
    }

    @Test
    void anOpenEndedRangeKeepsEverythingOnItsSideAndNothingUndated() throws IOException {
        var undated = new HashMap<>(ledger.items.get(id("a1")));
        undated.put("attemptId", id("ee"));
        undated.put("decidedAt", "soon");

        var fromMay4 = export(bundle.resolve("from"), Optional.of(LocalDate.parse("2026-05-04")), Optional.empty(), true, 0,
                List.of(undated));
        var toMay3 = export(bundle.resolve("to"), Optional.empty(), Optional.of(LocalDate.parse("2026-05-03")), true, 0,
                List.of(undated));

        assertEquals(List.of(id("b1"), id("c1")), attemptIds(fromMay4.resolve("items.jsonl")));
        assertEquals(List.of(id("a1")), attemptIds(toMay3.resolve("items.jsonl")));
        assertEquals("2026-05-03T23", FlatJson.parse(Files.readString(toMay3.resolve(BundleManifest.FILE))).get("lastHour"));
    }

    private Path export(Optional<LocalDate> from, Optional<LocalDate> to, boolean fromArchive, int problems) {
        return export(bundle, from, to, fromArchive, problems, List.of());
    }

    private Path export(Path bundle, Optional<LocalDate> from, Optional<LocalDate> to, boolean fromArchive, int problems,
                        List<Map<String, String>> extraItems) {
        var exported = new EvidenceBundle(bundle, List.of(ledger.itemKey), List.of(ledger.sealKey), from, to, fromArchive);
        ledger.items.values().forEach(item -> exported.addItem(new HashMap<>(item)));
        extraItems.forEach(exported::addItem);
        ledger.table.values().forEach(exported::addSeal);
        ledger.archive.hours.keySet().forEach(hour -> exported.addArchivedSeal(ledger.parts(hour)));
        exported.finish("{\"intact\":" + (problems == 0) + "}\n", problems, EXPORTED);
        return bundle;
    }

    private static List<String> attemptIds(Path jsonl) throws IOException {
        return Files.readAllLines(jsonl, StandardCharsets.UTF_8).stream()
                .map(line -> FlatJson.parse(line).get("attemptId")).sorted().toList();
    }
}
