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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A self-contained evidence bundle for a range of days: the items and seals as JSON lines (exactly
 * as stored, signature included; the seals as first archived when an archive is configured, since the
 * seal table can be rewritten), an inclusion proof of each item in its hour's seal, every trusted
 * public key (items' and seals', with the key ids they stand for), a manifest of the range, the verify
 * report, instructions and a checker that checks all of it with Python's standard library and openssl,
 * without our code and without trusting whoever hands the bundle over.
 */
public final class EvidenceBundle {

    /** The checker and its package, copied into every bundle. */
    static final List<String> CHECKER = List.of("verify_bundle.py", "bundlecheck/__init__.py", "bundlecheck/check.py",
            "bundlecheck/keys.py", "bundlecheck/ledger.py", "bundlecheck/manifest.py", "bundlecheck/merkle.py",
            "bundlecheck/strict.py");

    private final Path directory;
    private final List<EvidenceKey> keys;
    private final List<EvidenceKey> sealKeys;
    private final boolean archiveConfigured;
    /** Per hour in the bundle: its items' attempt ids. */
    private final Map<String, List<String>> itemIds = new TreeMap<>();
    private final List<Map<String, String>> tableSeals = new ArrayList<>();
    private final List<Map<String, String>> archivedSeals = new ArrayList<>();
    private final Optional<LocalDate> from;
    private final Optional<LocalDate> to;
    private final BufferedWriter items;
    private int itemCount;

    /**
     * @param from              first day (UTC) to include, empty for no lower bound; {@code to} likewise, inclusive
     * @param archiveConfigured whether verify reads the seal archive: then its first versions are bundled,
     *                          else the seal table's copies, and the manifest says so
     */
    public EvidenceBundle(Path directory, List<EvidenceKey> keys, List<EvidenceKey> sealKeys, Optional<LocalDate> from,
                          Optional<LocalDate> to, boolean archiveConfigured) {
        this.directory = directory;
        this.keys = List.copyOf(keys);
        this.sealKeys = List.copyOf(sealKeys);
        this.from = from;
        this.to = to;
        this.archiveConfigured = archiveConfigured;
        try {
            Files.createDirectories(directory.resolve("bundlecheck"));
            this.items = Files.newBufferedWriter(directory.resolve("items.jsonl"), StandardCharsets.UTF_8);
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
        return itemCount == 0 && sealsInRange().isEmpty();
    }

    /** A seal part as the seal table holds it: bundled only when no archive is configured. */
    public void addSeal(Map<String, String> seal) {
        tableSeals.add(seal);
    }

    /** The parts of an hour's first archived version: what the bundle holds when an archive is configured. */
    public void addArchivedSeal(List<Map<String, String>> parts) {
        archivedSeals.addAll(parts);
    }

    /**
     * @param reportJson     the verify report over the whole table, kept beside the bundle's own check
     * @param verifyProblems how many problems that report names: a bundle made despite them says so
     *                       in its manifest (the checker fails it) and at the top of VERIFY.md
     */
    public void finish(String reportJson, int verifyProblems, Instant now) {
        try {
            items.close();
            var inRange = sealsInRange();
            try (var seals = Files.newBufferedWriter(directory.resolve("seals.jsonl"), StandardCharsets.UTF_8)) {
                inRange.forEach(seal -> write(seals, seal));
            }
            var manifest = BundleManifest.of(from, to, earliestHour(inRange, now), heads(), archiveConfigured,
                    verifyProblems, now);
            Files.writeString(directory.resolve(BundleManifest.FILE), manifest.json());
            var keyFiles = writeKeys("public-key", "the item-signing key", keys);
            var sealKeyFiles = writeKeys("seal-public-key", "the seal-signing key", sealKeys);
            Files.writeString(directory.resolve("trusted-keys.json"), "{\"item\":[" + String.join(",", keyFiles.keySet())
                    + "],\"seal\":[" + String.join(",", sealKeyFiles.keySet()) + "]}\n");
            BundleProofs.write(directory.resolve("proofs.jsonl"), inRange, itemIds);
            Files.writeString(directory.resolve("verify-report.json"), reportJson);
            Files.writeString(directory.resolve("VERIFY.md"), BundleInstructions.text(manifest, keys, sealKeys,
                    String.join("\n", keyFiles.values()) + "\n" + String.join("\n", sealKeyFiles.values()), itemCount,
                    inRange.size()));
            for (String file : CHECKER) {
                Files.writeString(directory.resolve(file), resource(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the evidence bundle to " + directory, e);
        }
    }

    /** The authoritative seal parts dated in the range, by hour and part. */
    private List<Map<String, String>> sealsInRange() {
        return (archiveConfigured ? archivedSeals : tableSeals).stream()
                .filter(seal -> inRange(day(seal.getOrDefault(SealRecord.PERIOD, ""))))
                .sorted(Comparator.comparing((Map<String, String> seal) -> seal.getOrDefault(SealRecord.PERIOD, ""))
                        .thenComparing(seal -> seal.getOrDefault(SealRecord.PART, "")))
                .toList();
    }

    /** Every authoritative head (part 0) by hour, before the range too: the one before it is where the chain starts. */
    private NavigableMap<String, Map<String, String>> heads() {
        var heads = new TreeMap<String, Map<String, String>>();
        (archiveConfigured ? archivedSeals : tableSeals).stream()
                .filter(seal -> "0".equals(seal.get(SealRecord.PART)) && isHour(seal.getOrDefault(SealRecord.PERIOD, "")))
                .forEach(seal -> heads.put(seal.get(SealRecord.PERIOD), seal));
        return heads;
    }

    private String earliestHour(List<Map<String, String>> seals, Instant now) {
        var hours = new TreeMap<String, Boolean>();
        itemIds.keySet().stream().filter(EvidenceBundle::isHour).forEach(hour -> hours.put(hour, true));
        seals.stream().map(seal -> seal.getOrDefault(SealRecord.PERIOD, "")).filter(EvidenceBundle::isHour)
                .forEach(hour -> hours.put(hour, true));
        return hours.isEmpty() ? SealPeriod.containing(now).toString() : hours.firstKey();
    }

    private static boolean isHour(String period) {
        try {
            SealPeriod.parse(period);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String day(String period) {
        return period.length() >= 10 ? period.substring(0, 10) : "";
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

    private boolean inRange(String day) {
        if (day.isEmpty()) {
            return from.isEmpty() && to.isEmpty();
        }
        try {
            var date = LocalDate.parse(day);
            return from.map(first -> !date.isBefore(first)).orElse(true) && to.map(last -> !date.isAfter(last)).orElse(true);
        } catch (DateTimeParseException e) {
            return from.isEmpty() && to.isEmpty();
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

    static String resource(String name) throws IOException {
        try (InputStream in = EvidenceBundle.class.getResourceAsStream("/evidence/" + name)) {
            if (in == null) {
                throw new IOException("missing resource /evidence/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
