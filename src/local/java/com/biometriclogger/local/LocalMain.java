package com.biometriclogger.local;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.biometriclogger.config.ConfigurationException;
import com.biometriclogger.decision.RetryableVerificationException;
import com.biometriclogger.decision.VerificationReport;
import com.biometriclogger.decision.VerificationReport.Outcome;
import com.biometriclogger.handler.VerificationHandler;
import com.biometriclogger.util.Plural;
import com.biometriclogger.util.TextWrap;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The local main job: the whole flow offline, with the real handler, on in-process stand-ins for
 * S3, DynamoDB and Rekognition (a real face detector). See the README for the commands.
 */
public final class LocalMain {

    static final String BUCKET = "biometric-logger-local-uploads";
    static final String TABLE = "biometric-logger-local-audit";
    static final String PREFIX = "uploads/";
    static final String REFERENCE_PREFIX = "references/";
    static final LocalStack.Ports SERVE_PORTS = new LocalStack.Ports(9000, 8000, 9100, 9200, 9300);

    static final String USAGE = """
            usage: target/bin/local [--data-dir DIR] [--detect-only]
                                                        enrol references, run the bundled samples through the real handler,
                                                        print the audit table (--detect-only: no enrolment, no CompareFaces)
                   target/bin/local --serve [--data-dir DIR] [--detect-only] [--ports S3,DYNAMODB,REKOGNITION,KMS,SNS]
                                                        keep the stand-ins up (default ports 9000,8000,9100,9200,9300); judge uploads
                   target/bin/local invoke [--bucket NAME] -e EVENT.json [EVENT.json ...]
                                                        like `sam local invoke -e`: the function on each event file, with this
                                                        shell's environment (--bucket: the records name that bucket instead)
                   target/bin/local invoke --key KEY [--bucket NAME]
                                                        the same on the notification S3 sends for the object's current version
                                                        (bucket default: UPLOAD_BUCKET)
            (through Maven: mvn -q test-compile exec:java@local -Dexec.args="ARGUMENTS")""";

    private LocalMain() {
    }

    public static void main(String[] args) {
        // The demo prints the audit table, --serve a line per upload and invoke the function's result;
        // the function's JSON log lines (what CloudWatch would get) on stderr when asked for with LOG_LEVEL=INFO.
        if (System.getenv("LOG_LEVEL") == null && System.getProperty("LOG_LEVEL") == null) {
            System.setProperty("LOG_LEVEL", "WARN");
        }
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), out, err);
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help")) {
            out.println(USAGE);
            return 0;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            return switch (options.mode()) {
                case DEMO -> demo(options, out, err);
                case SERVE -> serve(options, out);
                case INVOKE -> LocalInvoke.run(options.invoke(), env, out);
            };
        } catch (IllegalStateException | UncheckedIOException | ConfigurationException e) {
            err.println("error: " + e.getMessage());
            return 1;
        } catch (SdkException e) {
            err.println("error: " + LocalInvoke.firstLine(e.getMessage()));
            return 1;
        }
    }

    enum Mode { DEMO, SERVE, INVOKE }

    record Options(Mode mode, Path dataDir, LocalInvoke.Request invoke, LocalStack.Ports ports, boolean detectOnly) {

        static Options parse(String[] args) {
            Mode mode = Mode.DEMO;
            Path dataDir = null;
            List<Path> eventFiles = new ArrayList<>();
            String key = null;
            String bucket = null;
            LocalStack.Ports ports = SERVE_PORTS;
            boolean detectOnly = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--serve" -> mode = Mode.SERVE;
                    case "invoke" -> mode = Mode.INVOKE;
                    case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
                    case "-e", "--event" -> {
                        eventFiles.add(Path.of(value(args, ++i, "-e")));
                        // `-e events/*.json`: the shell's expansion, every file up to the next option.
                        while (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                            eventFiles.add(Path.of(args[++i]));
                        }
                    }
                    case "--key" -> key = value(args, ++i, "--key");
                    case "--bucket" -> bucket = value(args, ++i, "--bucket");
                    case "--ports" -> ports = ports(value(args, ++i, "--ports"));
                    case "--detect-only" -> detectOnly = true;
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (mode == Mode.INVOKE && eventFiles.isEmpty() == (key == null)) {
                throw new IllegalArgumentException("invoke needs -e EVENT.json or --key KEY (one of them)");
            }
            if (mode != Mode.INVOKE && (!eventFiles.isEmpty() || key != null || bucket != null)) {
                throw new IllegalArgumentException("-e, --key and --bucket go with invoke");
            }
            return new Options(mode, dataDir, new LocalInvoke.Request(eventFiles, key, bucket), ports, detectOnly);
        }

        private static LocalStack.Ports ports(String value) {
            String[] parts = value.split(",", -1);
            try {
                if (parts.length == 5) {
                    return new LocalStack.Ports(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
                            Integer.parseInt(parts[2].trim()), Integer.parseInt(parts[3].trim()), Integer.parseInt(parts[4].trim()));
                }
            } catch (NumberFormatException e) {
                // Reported below with the expected form.
            }
            throw new IllegalArgumentException("--ports takes five port numbers S3,DYNAMODB,REKOGNITION,KMS,SNS, got " + value);
        }

        private static String value(String[] args, int index, String flag) {
            if (index >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[index];
        }
    }

    private static int demo(Options options, PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        Path dataDir = usableDataDir(options.dataDir());
        try (var stack = startStack(LocalStack.Ports.ANY, dataDir)) {
            createUploadBucket(stack, out);
            boolean detectOnly = options.detectOnly();
            var uploads = detectOnly ? DemoUploads.detectOnly() : DemoUploads.verify();
            out.println(LocalProfile.explanation(detectOnly));
            var handler = handler(stack, detectOnly);
            Map<String, Long> outcomes = new TreeMap<>();
            long sequence = System.currentTimeMillis() << 8;
            S3EventNotificationRecord last = null;
            for (var upload : uploads) {
                var put = stack.s3().putObject(b -> b.bucket(BUCKET).key(upload.key()), RequestBody.fromBytes(upload.bytes()));
                last = S3Events.objectCreated(LocalStack.REGION, BUCKET, upload.key(), upload.bytes().length, put, ++sequence);
                count(outcomes, deliver(handler, last));
            }
            // S3 delivers at least once: the same notification again must not make a second item.
            count(outcomes, deliver(handler, last));
            var items = AuditTablePrinter.scan(stack.dynamoDb(), TABLE);
            out.println();
            AuditTablePrinter.print(items, out);
            out.println();
            out.printf("%d images, %d deliveries: %s%n%d items in %s; %.1f s%n", uploads.size(), uploads.size() + 1,
                    outcomes, items.size(), TABLE, (System.nanoTime() - started) / 1e9);
            showEvidence(stack, dataDir != null, out, err);
        }
        return 0;
    }

    /**
     * Seals, verifies the table, then verifies a tampered copy. In memory the demo seals the hour
     * it has just written in at once; with a data directory that would make a later run in the same
     * hour look like insertions after sealing, so there only finished hours are sealed, as deployed.
     */
    private static void showEvidence(LocalStack stack, boolean persistent, PrintStream out, PrintStream err) {
        out.println();
        var now = Instant.now();
        var sealer = LocalEvidence.sealer(stack, TABLE, Clock.systemUTC());
        var sealed = persistent ? sealer.sealDue() : sealer.sealThrough(now.plus(Duration.ofHours(1)));
        out.printf("sealed %s covering %s%s%n", Plural.of(sealed.sealedPeriods().size(), "hour"),
                Plural.of(sealed.itemsSealed(), "item"),
                persistent ? " (finished hours only, as deployed)"
                        : " (the current hour at once; a deployment seals each hour 5 minutes after it ends)");
        out.println();
        out.println("verify --rederive on " + TABLE + " (target/bin/verify runs the same against --serve's stack):");
        LocalEvidence.verify(stack, TABLE, out, err, "--rederive");
        if (!persistent) {
            out.println();
            String copy = TABLE + "-tampered";
            out.println("A tampered copy, " + copy + ":");
            LocalEvidence.tamperedCopy(stack, TABLE, copy).forEach(change -> out.println(TextWrap.wrap("  ", "    ", change)));
            out.println();
            LocalEvidence.verify(stack, copy, out, err, "--rederive");
        }
    }

    private static int serve(Options options, PrintStream out) {
        Path dataDir = usableDataDir(options.dataDir());
        requireFreePorts(options.ports());
        try (var session = ServeSession.start(options.ports(), dataDir, options.detectOnly(), out)) {
            Runtime.getRuntime().addShutdownHook(new Thread(session::close));
            out.println(LocalProfile.explanation(options.detectOnly()));
            out.println(serveInstructions(session.stack(), options.detectOnly()));
            while (!Thread.currentThread().isInterrupted()) {
                session.deliverNewUploads().forEach(out::println);
                session.sealDueHours().forEach(out::println);
                session.raisedAlerts().forEach(out::println);
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return 0;
    }

    static String serveInstructions(LocalStack stack, boolean detectOnly) {
        return """

                Local stack is up. In another shell, in this directory, the environment of the function,
                of invoke and of verify:

                %s

                Upload with the awscli (any JPEG or PNG with one face will do; this one ships with the project):

                %s
                  aws dynamodb scan --table-name %s --endpoint-url %s \\
                      --query 'Items[].[objectKey.S,decision.S,attemptId.S]' --output text

                Run the function on one event, like `sam local invoke -e` (any file in events/; --bucket points
                its records at this bucket), on an object's current version, or run the seal function:

                  target/bin/local invoke -e events/single-upload.json --bucket %s
                  target/bin/local invoke --key %s
                  target/bin/local invoke -e events/hourly-seal.json

                Check the evidence (signatures, seals, decisions; --json for a machine):

                %s

                Finished hours are sealed every minute, as the deployed seal function does hourly.
                A change made to the tables by hand (update-item, delete-item) prints an ALERT line: what the
                deployed change alarm publishes on the alert topic.
                New uploads are judged as they arrive. Ctrl-C stops the stack.
                """.formatted(commandLine("  ", exports(stack, detectOnly)), copyCommands(stack, detectOnly),
                TABLE, stack.dynamoDbEndpoint(), BUCKET, detectOnly ? PREFIX + "me.jpg" : PREFIX + "me/1.jpg",
                commandLine("  ", verifyCommand()));
    }

    /** Everything the function, invoke and verify read, as {@code --serve}'s stack sets it. */
    private static List<String> exports(LocalStack stack, boolean detectOnly) {
        Map<String, String> env = new TreeMap<>(stack.functionEnvironment(BUCKET, TABLE));
        env.putAll(LocalProfile.settings(detectOnly));
        // The awscli v1 (Debian's) reads its region from AWS_DEFAULT_REGION only.
        env.put("AWS_DEFAULT_REGION", LocalStack.REGION);
        List<String> words = new ArrayList<>(List.of("export"));
        env.forEach((name, value) -> words.add(name + "=" + value));
        return words;
    }

    /** The verify command for the local table, as a user types it: both keys and the seal archive. */
    private static List<String> verifyCommand() {
        List<String> words = new ArrayList<>(List.of("target/bin/verify"));
        words.addAll(LocalEvidence.verifyArguments(TABLE, "--rederive"));
        return words;
    }

    /**
     * A command as a user pastes it: each option with its value, continued with a backslash so that
     * no line passes column 110.
     */
    static String commandLine(String indent, List<String> words) {
        List<String> units = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            boolean takesValue = words.get(i).startsWith("--") && i + 1 < words.size() && !words.get(i + 1).startsWith("--");
            units.add(takesValue ? words.get(i) + " " + words.get(++i) : words.get(i));
        }
        var text = new StringBuilder(indent);
        int lineStart = 0;
        for (int u = 0; u < units.size(); u++) {
            if (u > 0 && text.length() - lineStart + 1 + units.get(u).length() > 108) {
                text.append(" \\\n");
                lineStart = text.length();
                text.append(indent).append("    ");
            } else if (u > 0) {
                text.append(' ');
            }
            text.append(units.get(u));
        }
        return text.toString();
    }

    /** A face photo the project ships (public domain, see its PROVENANCE.md), for the by-hand flow. */
    static final String SAMPLE = "src/local/resources/samples/astronaut.jpg";

    /** Enrol first, then upload, as deployed; detect-only judges any upload under the prefix. */
    private static String copyCommands(LocalStack stack, boolean detectOnly) {
        var keys = detectOnly ? List.of(PREFIX + "me.jpg") : List.of(REFERENCE_PREFIX + "me.jpg", PREFIX + "me/1.jpg");
        return keys.stream().map(key -> commandLine("  ", List.of("aws", "s3", "cp", SAMPLE, "s3://" + BUCKET + "/" + key,
                "--endpoint-url", stack.s3Endpoint().toString()))).collect(Collectors.joining("\n"));
    }

    static LocalStack startStack(LocalStack.Ports ports, Path dataDir) {
        var stack = LocalStack.start(new ModelFaceBackend(FacePipeline.shared()), ports, dataDir);
        stack.createAuditTable(TABLE);
        return stack;
    }

    static boolean createUploadBucket(LocalStack stack, PrintStream out) {
        boolean versioned = stack.createUploadBucket(BUCKET);
        if (!versioned) {
            out.println(TextWrap.wrap("note: ", "  ", "S3Proxy keeps objects on disk only without versioning, so with "
                    + "--data-dir the bucket is unversioned and the function pins each read by eTag (If-Match) instead of versionId"));
        }
        return versioned;
    }

    static VerificationHandler handler(LocalStack stack, boolean detectOnly) {
        Map<String, String> env = new HashMap<>(stack.functionEnvironment(BUCKET, TABLE));
        env.putAll(LocalProfile.settings(detectOnly));
        return VerificationHandler.fromEnvironment(env);
    }

    static VerificationReport.RecordResult deliver(VerificationHandler handler, S3EventNotificationRecord record) {
        try {
            return handler.handleRequest(S3Events.delivered(S3Events.event(record)), new LocalContext(UUID.randomUUID().toString()))
                    .results().get(0);
        } catch (RetryableVerificationException e) {
            return e.report().results().get(0);
        }
    }

    private static void count(Map<String, Long> outcomes, VerificationReport.RecordResult result) {
        String label = result.outcome() == Outcome.AUDITED ? result.decision().name() : result.outcome().name();
        outcomes.merge(label, 1L, Long::sum);
    }

    /** Checked before anything starts, so a bad directory leaves nothing half-written. */
    private static Path usableDataDir(Path dataDir) {
        if (dataDir == null) {
            return null;
        }
        try {
            Files.createDirectories(dataDir.resolve("s3"));
            Files.createDirectories(dataDir.resolve("dynamodb"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot use --data-dir " + dataDir + " (" + e.getMessage()
                    + "): choose a directory you can write to");
        }
        if (!Files.isWritable(dataDir.resolve("s3")) || !Files.isWritable(dataDir.resolve("dynamodb"))) {
            throw new IllegalStateException("cannot write to --data-dir " + dataDir + ": choose a directory you can write to");
        }
        return dataDir;
    }

    private static void requireFreePorts(LocalStack.Ports ports) {
        List<String> busy = new ArrayList<>();
        for (int port : ports.all()) {
            try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                busy.add(Integer.toString(port));
            }
        }
        if (!busy.isEmpty()) {
            throw new IllegalStateException("port " + String.join(", ", busy) + " already in use on 127.0.0.1: "
                    + "stop the other --serve (or whatever listens there) and try again");
        }
    }
}
