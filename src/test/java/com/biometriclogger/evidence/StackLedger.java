package com.biometriclogger.evidence;

import com.biometriclogger.aws.S3SealArchive;
import com.biometriclogger.cli.VerifyCommand;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.LocalEvidence;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.Scenario;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A ledger on the local stack: one decision an hour for the last four hours, all sealed; exported as an operator would. */
final class StackLedger {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> UPLOADS = List.of("uploads/alice/selfie.jpg", "uploads/alice/wall.jpg",
            "uploads/alice/crowd.jpg", "uploads/alice/door.jpg");

    final Scenario scenario;
    /** attempt id and hour by object key, oldest first. */
    final Map<String, String> ids = new LinkedHashMap<>();
    final Map<String, String> periods = new HashMap<>();

    StackLedger(Scenario scenario) {
        this(scenario, Instant.now().plus(Duration.ofHours(1)));
    }

    /** @param sealedThrough the sealer's run: {@code now} leaves the current hour unsealed */
    StackLedger(Scenario scenario, Instant sealedThrough) {
        this.scenario = scenario;
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);
        for (int i = 0; i < UPLOADS.size(); i++) {
            byte[] image = TestImages.jpeg(7300 + i);
            scenario.faces().respond(image, i == 1 ? "no-face.json" : "one-clear-face.json");
            var at = hour.plus(i, ChronoUnit.HOURS).plus(10, ChronoUnit.MINUTES);
            Scenario.invoke(scenario.handlerAt(at), S3Events.event(scenario.upload(UPLOADS.get(i), image)));
        }
        scenario.auditItems().forEach(item -> {
            ids.put(item.get("objectKey").s(), item.get("attemptId").s());
            periods.put(item.get("objectKey").s(), item.get("sealPeriod").s());
        });
        seal(sealedThrough);
    }

    Sealer.Report seal(Instant through) {
        return LocalEvidence.sealer(scenario.stack(), scenario.table(), Clock.systemUTC()).sealThrough(through);
    }

    /** The archive as the seal function writes it (create-only): the seal role's one way in. */
    S3SealArchive archive() {
        return new S3SealArchive(scenario.stack().s3(), LocalStack.SEAL_ARCHIVE_BUCKET,
                LocalStack.sealArchivePrefix(scenario.table()));
    }

    record Export(int status, Set<String> findings) {
    }

    /** verify --export with both keys and the seal archive, as the operator runs it; its findings as {@code CODE subject}. */
    Export export(Path bundle) throws IOException {
        return verify(LocalEvidence.verifyArguments(scenario.table(), "--json", "--export", bundle.toString()));
    }

    /** verify --json with both keys and the seal archive, and {@code extra}. */
    Export verify(String... extra) throws IOException {
        var args = new ArrayList<>(LocalEvidence.verifyArguments(scenario.table(), "--json"));
        args.addAll(List.of(extra));
        return verify(args);
    }

    /** As {@link #verify(String...)} without {@code --seal-archive}: the table's seals alone. */
    Export verifyWithoutArchive(String... extra) throws IOException {
        var args = new ArrayList<>(LocalEvidence.verifyArguments(scenario.table(), "--json"));
        int at = args.indexOf("--seal-archive");
        args.subList(at, at + 2).clear();
        args.addAll(List.of(extra));
        return verify(args);
    }

    private Export verify(List<String> args) throws IOException {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = VerifyCommand.run(args.toArray(String[]::new), scenario.environment(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        var findings = new TreeSet<String>();
        JSON.readTree(out.toString(StandardCharsets.UTF_8)).get("findings")
                .forEach(f -> findings.add(f.get("problem").asText() + " " + f.get("subject").asText()));
        return new Export(status, findings);
    }
}
