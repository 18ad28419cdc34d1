package com.biometriclogger.evidence;

import static com.biometriclogger.evidence.TestIds.id;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.biometriclogger.util.FlatJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** proofs.jsonl: each bundled item of a sealed hour gets the proof that leads from its leaf to the hour's root. */
class BundleProofsTest {

    private static final String HOUR = "2026-05-03T08";

    @TempDir
    Path dir;

    @Test
    void eachBundledItemsProofLeadsToTheSealedRoot() throws IOException {
        var ledger = threeDecisionsSealed();
        var seals = ledger.parts(HOUR);

        var proofs = write(seals, Map.of(HOUR, List.of(id("a1"), id("a2"), id("a3"))));

        assertEquals(List.of(id("a1"), id("a2"), id("a3")), proofs.stream().map(p -> p.get("attemptId")).toList());
        var head = SealRecord.from(seals.get(0));
        byte[] root = HexFormat.of().parseHex(seals.get(0).get(SealRecord.MERKLE_ROOT));
        for (var proof : proofs) {
            int index = Integer.parseInt(proof.get("leafIndex"));
            var leaf = head.leaves().get(index);
            assertEquals(proof.get("attemptId"), leaf.attemptId());
            assertEquals(HOUR, proof.get("period"));
            assertEquals("3", proof.get("treeSize"));
            var path = Arrays.stream(proof.get("path").split(",")).map(HexFormat.of()::parseHex).toList();
            assertArrayEquals(root, MerkleTree.rootFromProof(leaf.bytes(), index, 3, path), proof.toString());
        }
    }

    @Test
    void onlyTheItemsAskedForGetAProof() throws IOException {
        var seals = threeDecisionsSealed().parts(HOUR);

        var proofs = write(seals, Map.of(HOUR, List.of(id("a2"), id("ff"))));

        assertEquals(List.of(id("a2")), proofs.stream().map(p -> p.get("attemptId")).toList(),
                "an id the seal does not hold has no proof");
    }

    @Test
    void anHourWithAPartMissingOrAnUnreadableSealGetsNoProofs() throws IOException {
        var seals = threeDecisionsSealed().parts(HOUR);
        var ids = Map.of(HOUR, List.of(id("a1")));
        seals.get(0).put(SealRecord.PART_COUNT, "2");

        assertEquals(List.of(), write(seals, ids), "a head naming two parts, of which one is bundled");

        seals.get(0).put(SealRecord.PERIOD, "not an hour");
        assertEquals(List.of(), write(seals, ids), "bundled as stored, without a proof");
    }

    @Test
    void aSealCommittingToIdsOnlyGetsNoProofs() throws IOException {
        var seals = threeDecisionsSealed().parts(HOUR);
        seals.get(0).put(SealRecord.SCHEMA_VERSION, "1");

        assertEquals(List.of(), write(seals, Map.of(HOUR, List.of(id("a1")))));
    }

    private SealedLedger threeDecisionsSealed() {
        var ledger = new SealedLedger(dir);
        ledger.add(id("a1"), "2026-05-03T08:10:00Z");
        ledger.add(id("a2"), "2026-05-03T08:20:00Z");
        ledger.add(id("a3"), "2026-05-03T08:30:00Z");
        ledger.sealAt("2026-05-03T09:05:00Z");
        return ledger;
    }

    private List<Map<String, String>> write(List<Map<String, String>> seals, Map<String, List<String>> ids) throws IOException {
        Path file = dir.resolve("proofs.jsonl");
        BundleProofs.write(file, seals, ids);
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(FlatJson::parse).toList();
    }
}
