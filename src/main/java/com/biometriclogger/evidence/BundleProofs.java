package com.biometriclogger.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code proofs.jsonl}: one line per bundled item of a content-committing seal, where its leaf sits in
 * the hour's Merkle tree and the sibling hashes up to the root, so one decision can be shown to be
 * sealed with its own line, this proof and the hour's part 0 alone.
 */
final class BundleProofs {

    private BundleProofs() {
    }

    /**
     * @param seals   the bundled seal parts; unreadable ones are bundled as stored and get no proofs
     * @param itemIds per hour, the attempt ids of the bundled items
     */
    static void write(Path file, List<Map<String, String>> seals, Map<String, List<String>> itemIds) throws IOException {
        try (var proofs = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (var hour : byHour(seals).entrySet()) {
                var parts = hour.getValue();
                var head = parts.get(0);
                if (head == null || !head.commitsToContent() || parts.size() != head.partCount()) {
                    continue;
                }
                List<SealRecord.Leaf> leaves = new ArrayList<>();
                parts.values().forEach(part -> leaves.addAll(part.leaves()));
                var bytes = leaves.stream().map(SealRecord.Leaf::bytes).toList();
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < leaves.size(); i++) {
                    index.put(leaves.get(i).attemptId(), i);
                }
                for (String id : itemIds.getOrDefault(hour.getKey(), List.of())) {
                    Integer at = index.get(id);
                    if (at != null) {
                        proofs.write(proof(id, hour.getKey(), at, MerkleTree.inclusionProof(bytes, at), leaves.size()));
                    }
                }
            }
        }
    }

    private static String proof(String id, String period, int index, List<byte[]> path, int treeSize) {
        Map<String, String> proof = new LinkedHashMap<>();
        proof.put("attemptId", id);
        proof.put("period", period);
        proof.put("leafIndex", Integer.toString(index));
        proof.put("treeSize", Integer.toString(treeSize));
        proof.put("path", String.join(",", path.stream().map(HexFormat.of()::formatHex).toList()));
        return CanonicalForm.json(proof) + "\n";
    }

    private static Map<String, Map<Integer, SealRecord>> byHour(List<Map<String, String>> seals) {
        Map<String, Map<Integer, SealRecord>> hours = new TreeMap<>();
        for (var seal : seals) {
            try {
                var record = SealRecord.from(seal);
                hours.computeIfAbsent(record.period().toString(), p -> new TreeMap<>()).put(record.part(), record);
            } catch (IllegalArgumentException unreadable) {
                // Bundled as stored; the checker and the verify report name it.
            }
        }
        return hours;
    }
}
