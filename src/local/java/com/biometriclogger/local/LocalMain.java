package com.biometriclogger.local;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.biometriclogger.config.ConfigurationException;
import com.biometriclogger.decision.RetryableVerificationException;
import com.biometriclogger.decision.VerificationReport;
import com.biometriclogger.decision.VerificationReport.Outcome;
import com.biometriclogger.handler.VerificationHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
    static final LocalStack.Ports SERVE_PORTS = new LocalStack.Ports(9000, 8000, 9100, 9200);

    static final String USAGE = """
            usage: LocalMain [--data-dir DIR] [--detect-only]
                                                        enrol references, run the bundled samples through the real handler,
                                                        print the audit table (--detect-only: no enrolment, no CompareFaces)
                   LocalMain --serve [--data-dir DIR] [--detect-only] [--ports S3,DYNAMODB,REKOGNITION,KMS]
                                                        keep the stand-ins up (default ports 9000,8000,9100,9200); judge new uploads
                   LocalMain invoke -e EVENT.json        like `sam local invoke -e`: the handler on one event, with this shell's environment""";

    private LocalMain() {
    }

    public static void main(String[] args) {
        // The demo prints the audit table and --serve a line per upload; the function's JSON log
        // lines (what CloudWatch would get) only when asked for with LOG_LEVEL=INFO.
        boolean invoke = java.util.Arrays.asList(args).contains("invoke");
        if (!invoke && System.getenv("LOG_LEVEL") == null && System.getProperty("LOG_LEVEL") == null) {
            System.setProperty("LOG_LEVEL", "WARN");
        }
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
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
                case INVOKE -> invoke(options, out);
            };
        } catch (IllegalStateException | UncheckedIOException | ConfigurationException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    enum Mode { DEMO, SERVE, INVOKE }

    record Options(Mode mode, Path dataDir, Path eventFile, LocalStack.Ports ports, boolean detectOnly) {

        static Options parse(String[] args) {
            Mode mode = Mode.DEMO;
            Path dataDir = null;
            Path eventFile = null;
            LocalStack.Ports ports = SERVE_PORTS;
            boolean detectOnly = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--serve" -> mode = Mode.SERVE;
                    case "invoke" -> mode = Mode.INVOKE;
                    case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
                    case "-e", "--event" -> eventFile = Path.of(value(args, ++i, "-e"));
                    case "--ports" -> ports = ports(value(args, ++i, "--ports"));
                    case "--detect-only" -> detectOnly = true;
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (mode == Mode.INVOKE && eventFile == null) {
                throw new IllegalArgumentException("invoke needs -e EVENT.json");
            }
            return new Options(mode, dataDir, eventFile, ports, detectOnly);
        }

        private static LocalStack.Ports ports(String value) {
            String[] parts = value.split(",");
            try {
                if (parts.length == 4) {
                    return new LocalStack.Ports(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
                            Integer.parseInt(parts[2].trim()), Integer.parseInt(parts[3].trim()));
                }
            } catch (NumberFormatException e) {
                // Reported below with the expected form.
            }
            throw new IllegalArgumentException("--ports takes four port numbers S3,DYNAMODB,REKOGNITION,KMS, got " + value);
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
        try (var stack = startStack(new LocalStack.Ports(0, 0, 0, 0), dataDir)) {
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
            out.printf("%d images, %d deliveries: %s; %d items in %s; %.1f s%n", uploads.size(), uploads.size() + 1,
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
        out.printf("sealed %d hour(s) covering %d item(s)%s%n", sealed.sealedPeriods().size(), sealed.itemsSealed(),
                persistent ? " (finished hours only, as deployed)"
                        : " (the demo seals the current hour at once; a deployment seals each hour 5 minutes after it ends)");
        out.println();
        out.println("$ " + verifyCommandLine());
        LocalEvidence.verify(stack, TABLE, out, err, "--rederive");
        if (!persistent) {
            out.println();
            String copy = TABLE + "-tampered";
            out.println("A tampered copy, " + copy + ":");
            LocalEvidence.tamperedCopy(stack, TABLE, copy).forEach(change -> out.println("  " + change));
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

    private static int invoke(Options options, PrintStream out) {
        if (!Files.isReadable(options.eventFile())) {
            throw new IllegalStateException("cannot read event file " + options.eventFile());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> event = EventLoader.loadEvent(options.eventFile().toString(), Map.class);
        var handler = new VerificationHandler();
        try {
            out.println(json(handler.handleRequest(event, new LocalContext(UUID.randomUUID().toString()))));
            return 0;
        } catch (RetryableVerificationException e) {
            out.println(json(e.report()));
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static String serveInstructions(LocalStack stack, boolean detectOnly) {
        return """

                Local stack is up. In another shell:

                  export AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s AWS_DEFAULT_REGION=%s
                  %s
                  aws dynamodb scan --table-name %s --endpoint-url %s

                To run the handler on an event file, like `sam local invoke -e`, against this stack:

                  export AWS_REGION=%s AUDIT_TABLE_NAME=%s UPLOAD_BUCKET=%s \\
                         AWS_ENDPOINT_URL_S3=%s AWS_ENDPOINT_URL_DYNAMODB=%s AWS_ENDPOINT_URL_REKOGNITION=%s \\
                         SIGNING_KEY_ARN=%s AWS_ENDPOINT_URL_KMS=%s \\
                         %s
                  mvn -q test-compile exec:java@local -Dexec.args="invoke -e events/single-upload.json"
                  (edit the event's bucket, key and versionId to an object you uploaded)

                To check the evidence (signatures, seals, decisions) with the same exports:

                  %s

                Finished hours are sealed every minute, as the deployed seal function does hourly.
                A change made to the tables by hand (update-item, delete-item) prints an ALERT line: what the
                deployed change alarm publishes on the alert topic.

                New uploads are judged as they arrive. Ctrl-C stops the stack.
                """.formatted(LocalStack.ACCESS_KEY, LocalStack.SECRET_KEY, LocalStack.REGION,
                copyCommands(stack, detectOnly), TABLE, stack.dynamoDbEndpoint(),
                LocalStack.REGION, TABLE, BUCKET, stack.s3Endpoint(), stack.dynamoDbEndpoint(),
                stack.rekognition().endpoint(), LocalKms.KEY_ARN, stack.kms().endpoint(), profileExports(detectOnly),
                verifyCommandLine());
    }

    /** The verify command for the local table, as a user types it: both keys and the seal archive. */
    private static String verifyCommandLine() {
        return "mvn -q compile exec:java@verify -Dexec.args=\"" + String.join(" ",
                LocalEvidence.verifyArguments(TABLE, "--rederive")) + "\"";
    }

    /** Enrol first, then upload, as deployed; detect-only judges any upload under the prefix. */
    private static String copyCommands(LocalStack stack, boolean detectOnly) {
        String copy = "aws s3 cp me.jpg s3://" + BUCKET + "/%s --endpoint-url " + stack.s3Endpoint();
        return detectOnly ? copy.formatted(PREFIX + "me.jpg")
                : copy.formatted(REFERENCE_PREFIX + "me.jpg") + "      # enrolment\n  "
                        + copy.formatted(PREFIX + "me/1.jpg") + "      # a verification upload for subject me";
    }

    private static String profileExports(boolean detectOnly) {
        var exports = new StringBuilder();
        LocalProfile.settings(detectOnly).forEach((name, value) -> exports.append(name).append('=').append(value).append(' '));
        return exports.toString().trim();
    }

    static LocalStack startStack(LocalStack.Ports ports, Path dataDir) {
        var stack = LocalStack.start(new ModelFaceBackend(FacePipeline.shared()), ports, dataDir);
        stack.createAuditTable(TABLE);
        return stack;
    }

    static boolean createUploadBucket(LocalStack stack, PrintStream out) {
        boolean versioned = stack.createUploadBucket(BUCKET);
        if (!versioned) {
            out.println("note: S3Proxy keeps objects on disk only without versioning, so with --data-dir the bucket is "
                    + "unversioned and the function pins each read by eTag (If-Match) instead of versionId");
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
        for (int port : new int[] {ports.s3(), ports.dynamoDb(), ports.rekognition(), ports.kms()}) {
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

    private static String json(Object value) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
