package com.biometriclogger.evidence;

import static com.biometriclogger.evidence.TestIds.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The red team's bundle findings, each played with the rights of whoever hands a bundle over (any byte
 * of it) or, where the attack starts in the ledger, of the insider who makes it: the bundled checker,
 * told only the fingerprints the recipient got another way, must name each; where the same data
 * reaches the Java verifier, both must name it with the same finding code.
 */
@ExtendWith(LocalStackExtension.class)
class BundleAttacksIT {

    @TempDir
    Path dir;
    private StackLedger ledger;
    private Scenario scenario;
    private Insider insider;
    /** attempt id and hour by object key; one decision per hour, oldest first. */
    private Map<String, String> ids;
    private Map<String, String> periods;

    @BeforeEach
    void fourHoursDecidedAndSealed(Scenario given) {
        ledger = new StackLedger(given);
        scenario = given;
        insider = new Insider(scenario);
        ids = ledger.ids;
        periods = ledger.periods;
    }

    @Test
    void aSealRewrittenInTheTableIsNamedFromTheArchivedFirstVersionTheBundleHolds() throws Exception {
        String wall = ids.get("uploads/alice/wall.jpg");
        insider.putSeal(insider.emptiedAndReSigned(periods.get("uploads/alice/wall.jpg")));
        insider.deleteItem(wall);

        var export = ledger.export(dir.resolve("bundle"));
        var checked = BundleChecker.trustingExportedKeys(dir.resolve("bundle"));

        assertEquals(1, export.status());
        assertEquals(Set.of("SEAL_DIFFERS_FROM_ARCHIVE seal " + periods.get("uploads/alice/wall.jpg") + "#0",
                "DELETED_AFTER_SEALING " + wall, "DELETED_AFTER_COMMITMENT " + wall), export.findings());
        assertEquals(1, checked.status(), checked.out());
        assertEquals(Set.of("DELETED_AFTER_SEALING " + wall, "EXPORTED_WITH_PROBLEMS"), codesAndIds(checked),
                "the archived seal still holds the deleted decision: " + checked.out());
    }

    @Test
    void itemsInsertedWhereNoSealCanCoverThemAreNamedByBothVerifiersAlike() throws Exception {
        var template = Scenario.asStrings(scenario.auditItems().get(0));
        insider.putItem(insider.itemKeyHolder().sign(decidedAt(template, id("past"), "2020-01-01T00:10:00Z")));
        insider.putItem(insider.itemKeyHolder().sign(decidedAt(template, id("future"), "9999-12-31T23:10:00Z")));
        var misfiled = decidedAt(template, id("misfiled"), "2020-01-01T00:10:00Z");
        misfiled.put("sealPeriod", SealPeriod.containing(Instant.now()).toString());
        insider.putItem(insider.itemKeyHolder().sign(misfiled));

        var export = ledger.export(dir.resolve("bundle"));
        var checked = BundleChecker.trustingExportedKeys(dir.resolve("bundle"));

        var expected = Set.of("BEFORE_GENESIS " + id("past"), "IN_FUTURE " + id("future"), "ITEM_MISDATED " + id("misfiled"), "NOT_IN_SEAL " + id("misfiled"));
        var uncommitted = Set.of("NOT_COMMITTED " + id("past"), "NOT_COMMITTED " + id("future"));
        assertEquals(java.util.stream.Stream.concat(expected.stream(), uncommitted.stream())
                        .collect(java.util.stream.Collectors.toSet()),
                export.findings(), "verify also reads the commitments, which the bundle does not carry");
        var bundleFindings = codesAndIds(checked);
        bundleFindings.remove("EXPORTED_WITH_PROBLEMS");
        assertEquals(expected, bundleFindings, checked.out());
    }

    @Test
    void aBundleWithoutItsLatestHoursIsShortOfTheRangeItStatesAndOfTheHeadTheRecipientWasGiven() throws Exception {
        Path genuine = dir.resolve("genuine");
        assertEquals(0, ledger.export(genuine).status());
        String door = ids.get("uploads/alice/door.jpg");
        String last = periods.get("uploads/alice/door.jpg");
        var dropped = TamperedBundle.copyOf(genuine, dir.resolve("dropped"));
        String newestHead = CanonicalForm.linkDigest(dropped.lines("seals.jsonl").stream()
                .filter(seal -> seal.get("period").equals(last)).findFirst().orElseThrow());
        dropped.edit("items.jsonl", item -> item.get("attemptId").equals(door) ? null : item);
        dropped.edit("proofs.jsonl", proof -> proof.get("attemptId").equals(door) ? null : proof);
        dropped.edit("seals.jsonl", seal -> seal.get("period").compareTo(last) >= 0 ? null : seal);

        var shortOfRange = BundleChecker.trustingExportedKeys(dropped.dir);
        assertEquals(1, shortOfRange.status(), shortOfRange.out());
        assertEquals(List.of("SEAL_MISSING " + last), shortOfRange.findings());

        // The sender narrows the stated range too: only the head the recipient holds still tells.
        dropped.edit(BundleManifest.FILE, manifest -> {
            manifest.put("sealedThrough", periods.get("uploads/alice/crowd.jpg"));
            return manifest;
        });
        var againstHead = BundleChecker.trustingExportedKeys(dropped.dir, "--expect-head", newestHead);
        assertEquals(1, againstHead.status(), againstHead.out());
        assertEquals(List.of("EXPECTED_HEAD_MISSING " + newestHead), againstHead.findings());
        assertEquals(0, BundleChecker.trustingExportedKeys(genuine, "--expect-head", newestHead).status());
    }

    @Test
    void aBundleStartingAfterGenesisMustChainFromTheHeadItStates() throws Exception {
        Path genuine = dir.resolve("genuine");
        assertEquals(0, ledger.export(genuine).status());
        String selfie = ids.get("uploads/alice/selfie.jpg");
        String first = periods.get("uploads/alice/selfie.jpg");
        String second = periods.get("uploads/alice/wall.jpg");
        // What an export from the second hour on holds: the first hour left out, the chain said to start after its head.
        var later = TamperedBundle.copyOf(genuine, dir.resolve("later"));
        var firstHead = later.lines("seals.jsonl").stream().filter(seal -> seal.get("period").equals(first)).findFirst()
                .orElseThrow();
        later.edit("items.jsonl", item -> item.get("attemptId").equals(selfie) ? null : item);
        later.edit("proofs.jsonl", proof -> proof.get("attemptId").equals(selfie) ? null : proof);
        later.edit("seals.jsonl", seal -> seal.get("period").equals(first) ? null : seal);
        later.edit(BundleManifest.FILE, manifest -> stating(manifest, second, CanonicalForm.linkDigest(firstHead),
                firstHead.get(SealRecord.CHAIN_HEIGHT)));
        assertEquals(0, BundleChecker.trustingExportedKeys(later.dir).status());

        later.edit(BundleManifest.FILE, manifest -> stating(manifest, second, "0".repeat(64), "0"));
        assertEquals(List.of("CHAIN_TRUNCATED seal " + second), BundleChecker.trustingExportedKeys(later.dir).findings());
        later.edit(BundleManifest.FILE, manifest -> stating(manifest, second, "", ""));
        assertEquals(List.of("CHAIN_TRUNCATED seal " + second), BundleChecker.trustingExportedKeys(later.dir).findings(),
                "from genesis, the oldest seal must have height 0");
    }

    private static Map<String, String> stating(Map<String, String> manifest, String firstHour, String startHead,
                                               String startHeight) {
        manifest.put("firstHour", firstHour);
        manifest.put("startHead", startHead);
        manifest.put("startHeight", startHeight);
        return manifest;
    }

    @Test
    void aBundleReSignedWithAForgersOwnKeysFailsAgainstTheKeysTheRecipientExpects() throws Exception {
        Path genuine = dir.resolve("genuine");
        assertEquals(0, ledger.export(genuine).status());
        var expected = BundleChecker.expectedKeys(genuine);
        var forged = TamperedBundle.copyOf(genuine, dir.resolve("forged"));
        var realItemKeys = forged.keys("item");
        var realSealKeys = forged.keys("seal");
        String wall = ids.get("uploads/alice/wall.jpg");
        forged.reSignAsForger(wall);

        var checked = BundleChecker.run(forged.dir, expected);
        var java = forged.javaFindings(realItemKeys, realSealKeys);

        assertEquals(1, checked.status(), checked.out());
        assertTrue(checked.out().contains("NOT EXPECTED: ignored"), checked.out());
        assertTrue(java.contains("SEALING_STOPPED no seal"), "no seal it can trust, hours after the oldest item: " + java);
        var untrusted = java.stream().filter(finding -> !finding.equals("SEALING_STOPPED no seal")).toList();
        assertEquals(8, untrusted.size(), "every item and every seal: " + java);
        assertTrue(untrusted.stream().allMatch(finding -> finding.startsWith("UNTRUSTED_KEY ")), java.toString());
        var bundleFindings = new ArrayList<>(checked.findings());
        assertTrue(bundleFindings.remove("SEAL_MISSING " + periods.get("uploads/alice/selfie.jpg") + " to "
                + periods.get("uploads/alice/door.jpg")), "no seal it can trust covers the range: " + checked.out());
        assertEquals(new TreeSet<>(java), new TreeSet<>(bundleFindings));
        assertEquals(0, BundleChecker.run(forged.dir, BundleChecker.expectedKeys(forged.dir)).status(),
                "trusting the keys the bundle carries, the forgery passes: the expected keys are the protection");
    }

    @Test
    void anAttemptIdWithTerminalEscapesReachesTheTerminalEscaped() throws Exception {
        Path genuine = dir.resolve("genuine");
        assertEquals(0, ledger.export(genuine).status());
        var painted = TamperedBundle.copyOf(genuine, dir.resolve("painted"));
        String wall = ids.get("uploads/alice/wall.jpg");
        String hostile = wall + "\u001b[2J\u001b[H\rRESULT: INTACT\n\u202e";
        painted.edit("items.jsonl", item -> {
            if (item.get("attemptId").equals(wall)) {
                item.put("attemptId", hostile);
            }
            return item;
        });

        var checked = BundleChecker.trustingExportedKeys(painted.dir);
        var java = painted.javaFindings(painted.keys("item"), painted.keys("seal"));

        assertEquals(1, checked.status(), checked.out());
        assertFalse(checked.out().chars().anyMatch(c -> (c < 0x20 && c != '\n') || c == 0x7f || c == 0x202e), checked.out());
        assertEquals(1, checked.out().lines().filter(line -> line.startsWith("RESULT:")).count(), checked.out());
        assertTrue(checked.result().matches("RESULT: \\d+ PROBLEMS FOUND"), checked.out());
        String shown = wall + "\\u001b[2J\\u001b[H\\u000dRESULT: INTACT\\u000a\\u202e";
        assertTrue(checked.findings().contains("SIGNATURE_INVALID " + shown), checked.out());
        assertTrue(java.contains("SIGNATURE_INVALID " + hostile), java.toString());
        assertTrue(checked.findings().contains("DELETED_AFTER_SEALING " + wall) && java.contains("DELETED_AFTER_SEALING " + wall),
                checked.out() + java);
    }

    @Test
    void aLineWithADuplicateNameIsRefusedNotReadAsItsLastValue() throws Exception {
        Path genuine = dir.resolve("genuine");
        assertEquals(0, ledger.export(genuine).status());
        var doubled = TamperedBundle.copyOf(genuine, dir.resolve("doubled"));
        String wall = ids.get("uploads/alice/wall.jpg");
        doubled.writeRaw("items.jsonl", doubled.raw("items.jsonl").lines()
                .map(line -> line.contains(wall) ? line.replace("\"decision\":\"UNAUTHORIZED\"",
                        "\"decision\":\"UNAUTHORIZED\",\"decision\":\"AUTHORIZED\"") : line)
                .reduce("", (text, line) -> text + line + "\n"));

        var checked = BundleChecker.trustingExportedKeys(doubled.dir);

        assertEquals(1, checked.status(), checked.out());
        assertEquals(List.of("DUPLICATE_NAME", "DELETED_AFTER_SEALING " + wall, "INCLUSION_PROOF_INVALID " + wall),
                codes(checked, "DUPLICATE_NAME"), checked.out());
    }

    @Test
    void aLineNotInTheCanonicalFormIsRefusedEvenWhenItsSignatureHolds() throws Exception {
        Path genuine = dir.resolve("genuine");
        assertEquals(0, ledger.export(genuine).status());
        var spaced = TamperedBundle.copyOf(genuine, dir.resolve("spaced"));
        String wall = ids.get("uploads/alice/wall.jpg");
        spaced.writeRaw("items.jsonl", spaced.raw("items.jsonl").lines()
                .map(line -> line.contains(wall) ? line.replace("\",\"", "\", \"") : line)
                .reduce("", (text, line) -> text + line + "\n"));

        var checked = BundleChecker.trustingExportedKeys(spaced.dir);

        assertEquals(1, checked.status(), checked.out());
        assertEquals(List.of("NON_CANONICAL", "DELETED_AFTER_SEALING " + wall, "INCLUSION_PROOF_INVALID " + wall),
                codes(checked, "NON_CANONICAL"), checked.out());
    }

    /** Each hour holds one decision: -1 is before its only leaf, 1 past it. */
    @ParameterizedTest
    @ValueSource(longs = {-1, 1})
    void aLeafIndexOutsideTheTreeIsRefusedByBothInclusionChecks(long index) throws Exception {
        Path genuine = dir.resolve("genuine");
        assertEquals(0, ledger.export(genuine).status());
        var negative = TamperedBundle.copyOf(genuine, dir.resolve("negative"));
        String wall = ids.get("uploads/alice/wall.jpg");
        negative.edit("proofs.jsonl", proof -> {
            if (proof.get("attemptId").equals(wall)) {
                proof.put("leafIndex", Long.toString(index));
            }
            return proof;
        });

        var checked = BundleChecker.trustingExportedKeys(negative.dir);

        assertEquals(1, checked.status(), checked.out());
        assertEquals(List.of("INCLUSION_PROOF_INVALID " + wall), checked.findings());
        // A one-leaf hour: index -1 with an empty path would fold to the leaf hash itself, which is the root.
        byte[] leaf = (wall + ":" + CanonicalForm.digest(negative.lines("items.jsonl").stream()
                .filter(item -> item.get("attemptId").equals(wall)).findFirst().orElseThrow())).getBytes(StandardCharsets.UTF_8);
        assertEquals(HexFormat.of().formatHex(MerkleTree.root(List.of(leaf))),
                HexFormat.of().formatHex(MerkleTree.rootFromProof(leaf, 0, 1, List.of())));
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.rootFromProof(leaf, index, 1, List.of()));
    }

    /** Findings as codes with the attempt ids they name; a line finding by its code alone. */
    private static Set<String> codesAndIds(BundleChecker.Run run) {
        var found = new TreeSet<String>();
        run.findings().forEach(f -> found.add(f.startsWith("EXPORTED_WITH_PROBLEMS ") ? "EXPORTED_WITH_PROBLEMS" : f));
        return found;
    }

    /** The findings, with the one whose subject is a file's line (it quotes the line's content) by its code alone. */
    private static List<String> codes(BundleChecker.Run run, String lineFinding) {
        return run.findings().stream().map(f -> f.startsWith(lineFinding + " items.jsonl line ") ? lineFinding : f).toList();
    }

    private static Map<String, String> decidedAt(Map<String, String> template, String id, String at) {
        var item = new HashMap<>(template);
        item.put("attemptId", id);
        item.put("decidedAt", at);
        item.put("sealPeriod", at.substring(0, 13));
        return item;
    }
}
