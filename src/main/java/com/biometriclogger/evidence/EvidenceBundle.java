package com.biometriclogger.evidence;

import com.biometriclogger.decision.AuditAttribute;
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
import java.util.Map;

/**
 * A self-contained evidence bundle for a range of days: the items and seals as JSON lines (exactly
 * as stored, signature included), the public key, the verify report, instructions and a script
 * that checks every signature with Python's standard library and openssl, without our code.
 */
public final class EvidenceBundle {

    private final Path directory;
    private final EvidenceKey key;
    private final LocalDate from;
    private final LocalDate to;
    private final BufferedWriter items;
    private final BufferedWriter seals;
    private int itemCount;
    private int sealCount;

    /** @param from first day (UTC) to include, null for no lower bound; {@code to} likewise, inclusive */
    public EvidenceBundle(Path directory, EvidenceKey key, LocalDate from, LocalDate to) {
        this.directory = directory;
        this.key = key;
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
        String decidedAt = item.getOrDefault(AuditAttribute.DECIDED_AT.stored(), "");
        if (inRange(decidedAt.length() >= 10 ? decidedAt.substring(0, 10) : "")) {
            write(items, item);
            itemCount++;
        }
    }

    public void addSeal(Map<String, String> seal) {
        String period = seal.getOrDefault(SealRecord.PERIOD, "");
        if (inRange(period.length() >= 10 ? period.substring(0, 10) : "")) {
            write(seals, seal);
            sealCount++;
        }
    }

    /** @param reportJson the verify report over the whole table, kept beside the bundle's own check */
    public void finish(String reportJson) {
        try {
            items.close();
            seals.close();
            Files.writeString(directory.resolve("public-key.pem"), key.publicKeyPem());
            Files.writeString(directory.resolve("verify-report.json"), reportJson);
            Files.writeString(directory.resolve("VERIFY.md"), resource("VERIFY.md")
                    .replace("{{keyId}}", key.keyId())
                    .replace("{{range}}", (from == null ? "the beginning" : from.toString()) + " to "
                            + (to == null ? "the end" : to.toString()) + " (UTC days)")
                    .replace("{{items}}", Integer.toString(itemCount))
                    .replace("{{seals}}", Integer.toString(sealCount))
                    .replace("{{exportedAt}}", Instant.now().toString()));
            Files.writeString(directory.resolve("verify_bundle.py"), resource("verify_bundle.py"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the evidence bundle to " + directory, e);
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
