package com.biometriclogger.cli;

import com.biometriclogger.aws.ArchivedCommitments;
import com.biometriclogger.aws.ArchivedSeals;
import com.biometriclogger.aws.AwsClients;
import com.biometriclogger.aws.DynamoDbEvidenceTable;
import com.biometriclogger.aws.S3ImageHashes;
import com.biometriclogger.aws.S3ImageSource;
import com.biometriclogger.config.ConfigurationException;
import com.biometriclogger.evidence.EvidenceBundle;
import com.biometriclogger.evidence.EvidenceKey;
import com.biometriclogger.evidence.EvidenceVerifier;
import com.biometriclogger.evidence.RecordedDecisionCheck;
import com.biometriclogger.logging.JsonLoggingConfigurator;
import com.biometriclogger.report.LedgerRead;
import com.biometriclogger.report.Thumbnails;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * {@code verify}: checks every audit item's signature, every hour's seal, and optionally each
 * decision against its figures and each image against its hash; prints a table or JSON, and can
 * write an evidence bundle. Region and credentials as the AWS CLI finds them ({@link CliAccess}),
 * endpoints from {@code AWS_ENDPOINT_URL_*} as the function's, so against AWS or the local stack.
 */
public final class VerifyCommand {

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        // Before any logger exists: stdout carries the report (JSON with --json), so logs go to stderr.
        System.setProperty(JsonLoggingConfigurator.LOG_TO_STDERR, "true");
        System.exit(run(args, System.getenv(), System.out, System.err,
                stderrIsTerminal() ? Optional.of(System.err) : Optional.empty()));
    }

    /**
     * The launcher says (its shell can test stderr itself); without it, the JVM's console is the best guess.
     * On JDK 22+ a console exists even when redirected; {@code Console.isTerminal()} is JDK 22 API, and the
     * launchers always say.
     */
    @SuppressWarnings("SystemConsoleNull")
    static boolean stderrIsTerminal() {
        return Boolean.parseBoolean(System.getProperty(STDERR_IS_TERMINAL, String.valueOf(System.console() != null)));
    }

    /** Set by {@code target/bin/*}: whether stderr is a terminal ({@code [ -t 2 ]}). */
    public static final String STDERR_IS_TERMINAL = "biometriclogger.stderrIsTerminal";

    /** As {@link #run(String[], Map, PrintStream, PrintStream, Optional)} with no progress bar. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return run(args, env, out, err, Optional.empty());
    }

    /**
     * @param terminal where the progress bar goes: stderr when it is a terminal, else none, so a
     *                 redirected or captured stderr gets no {@code \r} frames
     * @return the exit status: 0 intact, 1 something found, 2 the check could not run, 3 intact as far as
     *         checked, but a seal names an archive that was not checked
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err,
                          Optional<PrintStream> terminal) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(VerifyOptions.USAGE);
            return 0;
        }
        VerifyOptions options;
        try {
            options = VerifyOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("verify: " + e.getMessage());
            err.println(VerifyOptions.USAGE);
            return 2;
        }
        try {
            var clients = new AwsClients(CliAccess.fromEnvironment(env));
            var keys = trustedKeys(options.itemKeys(), clients);
            var sealKeys = trustedKeys(options.sealKeys(), clients);
            var verifier = new EvidenceVerifier(keys, sealKeys,
                    options.rederive() ? Optional.of(new RecordedDecisionCheck()) : Optional.empty(),
                    options.checkImages() ? Optional.of(new S3ImageHashes(clients.s3())) : Optional.empty());
            var table = new DynamoDbEvidenceTable(clients.dynamoDb());
            options.v1Cutover().ifPresent(verifier::cutOverFromVersionOneAt);
            var bundle = options.exportDir().map(directory -> new EvidenceBundle(directory, keys, sealKeys,
                    options.from(), options.to(), options.archive().isPresent()));
            var ledger = options.html().map(file -> new LedgerRead());
            var progress = terminal.filter(stream -> options.progress())
                    .map(stream -> new ProgressBar(stream, table.approximateItemCount(options.table())))
                    .orElse(ProgressBar.SILENT);
            table.scan(options.table(), page -> page.parallelStream().map(verifier::checkSignature).toList()
                    .forEach(checked -> {
                        verifier.record(checked);
                        bundle.ifPresent(writer -> writer.addItem(checked.item().attributes()));
                        ledger.ifPresent(read -> read.addItem(checked));
                        progress.step();
                    }));
            progress.done();
            table.scan(options.sealTable(), page -> page.forEach(seal -> {
                verifier.checkSeal(seal);
                ledger.ifPresent(read -> read.addSeal(seal));
                bundle.ifPresent(writer -> writer.addSeal(seal.attributes()));
            }));
            options.archive().ifPresent(archive -> new ArchivedSeals(clients.s3(), archive.bucket(), archive.prefix())
                    .forEach(archived -> {
                        verifier.checkArchivedSeal(archived);
                        ledger.ifPresent(read -> read.addArchived(archived));
                        if (archived.unreadable().isEmpty()) {
                            bundle.ifPresent(writer -> writer.addArchivedSeal(archived.parts()));
                        }
                    }, verifier::archiveWasEmpty, verifier::archiveKeepsNoVersions));
            options.commitments().ifPresent(commitments -> {
                verifier.readingCommitments();
                new ArchivedCommitments(clients.s3(), commitments.bucket(), commitments.prefix())
                        .forEachHour(verifier::checkCommitments);
            });
            Instant now = Instant.now();
            var report = verifier.finish(now);
            String printed = options.json() ? ReportFormat.json(options, keys, sealKeys, report)
                    : ReportFormat.table(options, keys, sealKeys, report);
            out.print(printed);
            if (ledger.isPresent()) {
                Path file = options.html().orElseThrow();
                writeReport(file, ReportFormat.html(List.of(args), options, keys, sealKeys, report, ledger.get(),
                        images(options, clients), now));
                err.println("report written to " + file.toAbsolutePath());
            }
            if (bundle.isPresent() && bundle.get().isEmpty()) {
                err.println("verify: nothing in " + options.table() + " is dated from "
                        + options.from().map(String::valueOf).orElse("the beginning") + " to "
                        + options.to().map(String::valueOf).orElse("the end") + " (UTC): no bundle written");
                return 2;
            }
            if (bundle.isPresent()) {
                bundle.get().finish(ReportFormat.json(options, keys, sealKeys, report), report.findings().size(), now);
                err.println("evidence bundle written to " + options.exportDir().orElseThrow().toAbsolutePath());
            }
            return ReportFormat.status(options, report);
        } catch (ConfigurationException e) {
            err.println("verify: " + e.getMessage());
        } catch (ResourceNotFoundException e) {
            err.println("verify: no such table (" + options.table() + " or " + options.sealTable() + "): "
                    + e.awsErrorDetails().errorMessage());
        } catch (SdkException e) {
            err.println("verify: could not read the evidence: " + RefusedEndpoints.named(env).orElse(e.getMessage()));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            err.println("verify: " + e.getMessage());
        } catch (RuntimeException e) {
            // Hostile evidence must never end in a stack trace and a status a script reads as "found
            // something" (1): anything the checks did not foresee is one line and "could not check" (2).
            err.println("verify: could not complete the check: " + e);
        }
        return 2;
    }

    private static void writeReport(Path file, String page) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, page);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }

    /** With the operator's own rights on the upload bucket, read as the function read it (pinned to the version). */
    private static Optional<Thumbnails> images(VerifyOptions options, AwsClients clients) {
        return options.withImages() ? Optional.of(new Thumbnails(new S3ImageSource(clients.s3()))) : Optional.empty();
    }

    private static List<EvidenceKey> trustedKeys(List<VerifyOptions.KeySource> sources, AwsClients clients) {
        return sources.stream().map(source -> source.load(clients.kms())).toList();
    }

}
