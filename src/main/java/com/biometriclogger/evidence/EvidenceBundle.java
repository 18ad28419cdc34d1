package com.biometriclogger.evidence;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.ErasureRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A self-contained evidence bundle for a range of days: the items and seals as JSON lines (exactly
 * as stored, signature included), an inclusion proof of each item in its hour's seal, every trusted
 * public key (items' and seals', with the key ids they stand for), the verify report, instructions
 * and a script that checks all of it with Python's standard library and openssl, without our code.
 */
public final class EvidenceBundle {

    private final Path directory;
    private final List<EvidenceKey> keys;
    private final List<EvidenceKey> sealKeys;
    /** Per hour in the bundle: its items' attempt ids, and its seal parts by part number. */
    private final Map<String, List<String>> itemIds = new TreeMap<>();
    private final Map<SealPeriod, Map<Integer, SealRecord>> sealParts = new TreeMap<>();
    private final LocalDate from;
    private final LocalDate to;
    private final BufferedWriter items;
    private final BufferedWriter seals;
    private int itemCount;
    private int sealCount;

    /** @param from first day (UTC) to include, null for no lower bound; {@code to} likewise, inclusive */
    public EvidenceBundle(Path directory, List<EvidenceKey> keys, List<EvidenceKey> sealKeys, LocalDate from,
                          LocalDate to) {
        this.directory = directory;
        this.keys = List.copyOf(keys);
        this.sealKeys = List.copyOf(sealKeys);
        this.from = from;
        this.to = to;
        try {
            Files.createDirectories(directory);
            this.items = Files.newBufferedWriter(directory.resolve("items.jsonl"), StandardCharsets.UTF_8);
            this.seals = Files.newBufferedWriter(directory.resolve("seals.jsonl"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the evidence bundle to " + directory, e);
        }
    }

    public void addItem(Map<String, String> item) {
        String datedAt = ErasureRecord.datedAt(item);
        if (inRange(datedAt.length() >= 10 ? datedAt.substring(0, 10) : "")) {
            write(items, item);
            itemCount++;
            itemIds.computeIfAbsent(item.getOrDefault(AuditAttribute.SEAL_PERIOD.stored(), ""), p -> new ArrayList<>())
                    .add(item.getOrDefault(AuditAttribute.ATTEMPT_ID.stored(), ""));
        }
    }

    /** Nothing in the range: a bundle of nothing would check as intact, so it is not written. */
    public boolean isEmpty() {
        return itemCount == 0 && sealCount == 0;
    }

    public void addSeal(Map<String, String> seal) {
        String period = seal.getOrDefault(SealRecord.PERIOD, "");
        if (inRange(period.length() >= 10 ? period.substring(0, 10) : "")) {
            write(seals, seal);
            sealCount++;
            try {
                var record = SealRecord.from(seal);
                sealParts.computeIfAbsent(record.period(), p -> new TreeMap<>()).put(record.part(), record);
            } catch (IllegalArgumentException unreadable) {
                // Bundled as stored; the checker and the verify report name it.
            }
        }
    }

    /**
     * @param reportJson the verify report over the whole table, kept beside the bundle's own check
     * @param exportedAt when the report was made, from the command's clock
     */
    public void finish(String reportJson, Instant exportedAt) {
        try {
            items.close();
            seals.close();
            var keyFiles = writeKeys("public-key", "the item-signing key", keys);
            var sealKeyFiles = writeKeys("seal-public-key", "the seal-signing key", sealKeys);
            Files.writeString(directory.resolve("trusted-keys.json"), "{\"item\":[" + String.join(",", keyFiles.keySet())
                    + "],\"seal\":[" + String.join(",", sealKeyFiles.keySet()) + "]}\n");
            writeProofs();
            Files.writeString(directory.resolve("verify-report.json"), reportJson);
            Files.writeString(directory.resolve("VERIFY.md"), resource("VERIFY.md")
                    .replace("{{keyFiles}}", String.join("\n", keyFiles.values()) + "\n" + String.join("\n", sealKeyFiles.values()))
                    .replace("{{keyId}}", keys.get(0).keyId().orElse("null"))
                    .replace("{{range}}", (from == null ? "the beginning" : from.toString()) + " to "
                            + (to == null ? "the end" : to.toString()) + " (UTC days)")
                    .replace("{{items}}", Integer.toString(itemCount))
                    .replace("{{seals}}", Integer.toString(sealCount))
                    .replace("{{exportedAt}}", exportedAt.toString()));
            Files.writeString(directory.resolve("verify_bundle.py"), resource("verify_bundle.py"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the evidence bundle to " + directory, e);
        }
    }

    /**
     * Writes each key as {@code <stem>.pem}, {@code <stem>-2.pem}…
     *
     * @return per key, its {@code trusted-keys.json} entry and its VERIFY.md table row
     */
    private Map<String, String> writeKeys(String stem, String role, List<EvidenceKey> trusted) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i < trusted.size(); i++) {
            var key = trusted.get(i);
            String file = stem + (i == 0 ? "" : "-" + (i + 1)) + ".pem";
            Files.writeString(directory.resolve(file), key.publicKeyPem());
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("file", file);
            entry.put("keyId", key.keyId().orElse(""));
            entries.put(CanonicalForm.json(entry), "| `" + file + "` | the public half of " + role + " `"
                    + key.describe() + "`" + (i == 0 ? "" : " (trusted beside the first: a key it replaced or replaces)")
                    + " |");
        }
        return entries;
    }

    /**
     * One line per bundled item of a content-committing seal: where its leaf sits in the hour's
     * Merkle tree and the sibling hashes up to the root, so one decision can be shown to be sealed
     * with its own line, this proof and the hour's part 0 alone.
     */
    private void writeProofs() throws IOException {
        try (var proofs = Files.newBufferedWriter(directory.resolve("proofs.jsonl"), StandardCharsets.UTF_8)) {
            for (var hour : sealParts.entrySet()) {
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
                for (String id : itemIds.getOrDefault(hour.getKey().toString(), List.of())) {
                    Integer at = index.get(id);
                    if (at == null) {
                        continue;
                    }
                    var path = MerkleTree.inclusionProof(bytes, at).stream().map(HexFormat.of()::formatHex).toList();
                    Map<String, String> proof = new LinkedHashMap<>();
                    proof.put("attemptId", id);
                    proof.put("period", hour.getKey().toString());
                    proof.put("leafIndex", Integer.toString(at));
                    proof.put("treeSize", Integer.toString(leaves.size()));
                    proof.put("path", String.join(",", path));
                    proofs.write(CanonicalForm.json(proof));
                    proofs.write('\n');
                }
            }
        }
    }

    private boolean inRange(String day) {
        if (day.isEmpty()) {
            return from == null && to == null;
        }
        try {
            var date = LocalDate.parse(day);
            return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
        } catch (DateTimeParseException e) {
            return from == null && to == null;
        }
    }

    private static void write(BufferedWriter out, Map<String, String> attributes) {
        try {
            out.write(CanonicalForm.json(attributes));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = EvidenceBundle.class.getResourceAsStream("/evidence/" + name)) {
            if (in == null) {
                throw new IOException("missing resource /evidence/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
