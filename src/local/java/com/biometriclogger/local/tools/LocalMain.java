package com.biometriclogger.local.tools;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.biometriclogger.cli.CliAccess;
import com.biometriclogger.cli.RefusedEndpoints;
import com.biometriclogger.config.ConfigurationException;
import com.biometriclogger.decision.DecisionReport;
import com.biometriclogger.decision.RetryableDecisionException;
import com.biometriclogger.handler.DecisionHandler;
import com.biometriclogger.handler.Wiring;
import com.biometriclogger.local.facebackend.FaceDetectionBackend;
import com.biometriclogger.local.faces.ModelFaceBackend;
import com.biometriclogger.local.stack.LocalContext;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.util.TextWrap;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The local main job: the whole flow offline, with the real handler, on in-process stand-ins for
 * S3, DynamoDB and Rekognition (a real face detector). See docs/local.md for the commands.
 */
public final class LocalMain {

    static final String BUCKET = "biometric-logger-local-uploads";
    static final String TABLE = "biometric-logger-local-audit";
    static final String PREFIX = "uploads/";
    static final String REFERENCE_PREFIX = "references/";
    /** What makes a directory a project's (this one's or another's), never a --data-dir. */
    private static final List<String> PROJECT_MARKERS = List.of("pom.xml", ".git", "src");

    static final String USAGE = """
            usage: target/bin/local [--data-dir DIR] [--detect-only]
                       enrol references, run the bundled samples through the real handler, print the
                       audit table (--detect-only: no enrolment, no CompareFaces)
                   target/bin/local --serve [--data-dir DIR] [--detect-only]
                                    [--ports S3,DYNAMODB,REKOGNITION,KMS,SNS]
                       keep the stand-ins up (default ports 9000,8000,9100,9200,9300); judge uploads
                   target/bin/local invoke [--bucket NAME] -e EVENT.json [EVENT.json ...]
                       like `sam local invoke -e`: the function on each event file, with this shell's
                       environment (--bucket: the records name that bucket instead)
                   target/bin/local invoke --key KEY [--bucket NAME]
                       the same on the notification S3 sends for the object's current version (bucket
                       default: UPLOAD_BUCKET)
                   target/bin/local seal
                       seal the --serve stack's hours up to the current one as if it had ended, so erase
                       need not wait for the deployed schedule
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
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        LocalOptions options;
        try {
            options = LocalOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            return switch (options.mode()) {
                case DEMO -> LocalDemo.run(options, out, err);
                case SERVE -> serve(options, out);
                case INVOKE -> LocalInvoke.run(options.invoke(), CliAccess.asFunctionEnvironment(env), out);
                case SEAL -> LocalSeal.run(env, Clock.systemUTC(), out);
            };
        } catch (ConfigurationException e) {
            // Without the exports, invoke runs against AWS: a missing variable then most likely means they were not pasted.
            err.println("error: " + e.getMessage() + (env.containsKey(LocalEndpoints.DYNAMODB) ? ""
                    : "; against the local stack, " + LocalEndpoints.PASTE_EXPORTS));
            return 1;
        } catch (IllegalStateException | UncheckedIOException | SdkException e) {
            // The SDK's "connection refused" names no endpoint: say which exported one is down instead.
            boolean sdk = e instanceof SdkException || e.getCause() instanceof SdkException;
            err.println("error: " + (sdk ? RefusedEndpoints.named(env) : Optional.<String>empty())
                    .orElseGet(() -> e instanceof SdkException ? LocalInvoke.firstLine(e.getMessage()) : e.getMessage()));
            return 1;
        }
    }

    private static int serve(LocalOptions options, PrintStream out) {
        Path dataDir = usableDataDir(options.dataDir());
        requireFreePorts(options.ports());
        try (var session = ServeSession.start(options.ports(), dataDir, options.detectOnly(), out)) {
            Runtime.getRuntime().addShutdownHook(new Thread(session::close));
            out.println(LocalProfile.explanation(options.detectOnly()));
            out.println(ServeInstructions.text(session.stack(), options.detectOnly()));
            session.judgeExisting().forEach(out::println);
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

    static LocalStack startStack(LocalStack.Ports ports, Path dataDir) {
        return startStack(ModelFaceBackend.withSharedModels(), ports, dataDir);
    }

    static LocalStack startStack(FaceDetectionBackend faces, LocalStack.Ports ports, Path dataDir) {
        var stack = LocalStack.start(faces, ports, dataDir);
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

    static DecisionHandler handler(LocalStack stack, boolean detectOnly) {
        return handler(stack, detectOnly, Clock.systemUTC());
    }

    /** @param clock when the decisions are dated (the demo dates some back, so their hour can be sealed) */
    static DecisionHandler handler(LocalStack stack, boolean detectOnly, Clock clock) {
        Map<String, String> env = new HashMap<>(stack.functionEnvironment(BUCKET, TABLE));
        env.putAll(LocalProfile.settings(detectOnly));
        return DecisionHandler.fromEnvironment(env, Wiring.Seams.NONE.withClock(clock));
    }

    static DecisionReport.RecordResult deliver(DecisionHandler handler, S3EventNotificationRecord record) {
        try {
            return handler.handleRequest(S3Events.delivered(S3Events.event(record)), new LocalContext(UUID.randomUUID().toString()))
                    .results().get(0);
        } catch (RetryableDecisionException e) {
            return e.report().results().get(0);
        }
    }

    /** What --serve and the demo print as an upload is judged: the key, then the decision and its reasons. */
    static String judged(S3EventNotificationRecord record, DecisionReport.RecordResult result) {
        String reasons = result.reasons().stream().map(Enum::name).collect(Collectors.joining(","));
        String judged = result.decision() == null ? result.outcome() + " (" + result.detail() + ")"
                : (result.decision() + " " + reasons).strip();
        return record.getS3().getObject().getUrlDecodedKey() + "  " + judged;
    }

    /** Checked before anything starts, so a bad directory leaves nothing half-written. */
    static Path usableDataDir(Path dataDir) {
        if (dataDir == null) {
            return null;
        }
        // An empty path is the working directory: the project, in the README's flow.
        if (dataDir.toString().isBlank()) {
            throw new IllegalStateException("--data-dir needs a directory, e.g. --data-dir target/local-data");
        }
        // S3Proxy would serve the directory's files as objects and --serve would judge them all.
        var markers = PROJECT_MARKERS.stream().filter(marker -> Files.exists(dataDir.resolve(marker))).toList();
        if (!markers.isEmpty()) {
            throw new IllegalStateException("--data-dir " + dataDir.toAbsolutePath().normalize() + " is a project directory (it holds "
                    + String.join(", ", markers) + "): choose a new or empty one, e.g. --data-dir target/local-data");
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
