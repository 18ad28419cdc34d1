package com.biometriclogger.local.tools;

import com.biometriclogger.decision.DecisionReport;
import com.biometriclogger.evidence.Sealer;
import com.biometriclogger.handler.ChangeAlarmHandler;
import com.biometriclogger.handler.DecisionHandler;
import com.biometriclogger.local.stack.LocalEvidence;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.local.stack.StreamPoller;
import com.biometriclogger.local.stack.UploadWatcher;
import com.biometriclogger.util.Plural;
import com.biometriclogger.util.TextWrap;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code --serve}: the stack on fixed ports, and every new upload judged by the real handler. */
final class ServeSession implements AutoCloseable {

    private final LocalStack stack;
    private final DecisionHandler handler;
    private final UploadWatcher watcher;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Sealer sealer;
    private final StreamPoller changes;
    private final LocalStack.Ports ports;
    private final Path dataDir;
    private final PrintStream out;
    private long nextSealNanos;

    private ServeSession(LocalStack stack, LocalStack.Ports ports, Path dataDir, boolean versioned, boolean detectOnly,
            PrintStream out) {
        this.stack = stack;
        this.out = out;
        this.ports = ports;
        this.dataDir = dataDir;
        this.handler = LocalMain.handler(stack, detectOnly);
        // The whole bucket, as the deployed notifications cover references and uploads: the handler decides scope.
        this.watcher = new UploadWatcher(stack.s3(), LocalMain.BUCKET, "", versioned);
        this.sealer = LocalEvidence.sealer(stack, LocalMain.TABLE, Clock.systemUTC());
        this.changes = new StreamPoller(stack.dynamoDb(), stack.dynamoDbStreams(),
                ChangeAlarmHandler.fromEnvironment(stack.functionEnvironment(LocalMain.BUCKET, LocalMain.TABLE)),
                List.of(LocalMain.TABLE, LocalStack.sealTableName(LocalMain.TABLE)));
    }

    static ServeSession start(LocalStack.Ports ports, Path dataDir, boolean detectOnly, PrintStream out) {
        var stack = LocalMain.startStack(ports, dataDir);
        return new ServeSession(stack, ports, dataDir, LocalMain.createUploadBucket(stack, out), detectOnly, out);
    }

    LocalStack stack() {
        return stack;
    }

    /**
     * The first call, at start: every object in the bucket (a --data-dir stack may hold uploads made
     * while it was down), each judged unless an audit item has it already (the function's own
     * duplicate check: one read, no face analysis); a line per object judged and one counting both.
     */
    List<String> judgeExisting() {
        var records = watcher.newUploads();
        List<String> lines = new ArrayList<>();
        for (var record : records) {
            var result = LocalMain.deliver(handler, record);
            if (result.outcome() != DecisionReport.Outcome.DUPLICATE) {
                lines.add(LocalMain.judged(record, result));
            }
        }
        if (!records.isEmpty()) {
            lines.add(0, "in the bucket at start: " + Plural.of(records.size(), "object") + ", "
                    + (records.size() - lines.size()) + " audited before, " + lines.size() + " judged now");
        }
        return lines;
    }

    /** Judges the uploads that arrived since the last call; one line each: the key, then the decision and reasons. */
    List<String> deliverNewUploads() {
        return watcher.newUploads().stream().map(record -> LocalMain.judged(record, LocalMain.deliver(handler, record))).toList();
    }

    /** What the change alarm published since the last call (the tables' streams read, as deployed); a line each. */
    List<String> raisedAlerts() {
        changes.poll();
        return stack.sns().drain().stream().map(alert -> TextWrap.wrap("ALERT ", "  ", alert.message())).toList();
    }

    /** Seals finished hours once a minute, as the deployed seal function does every hour. */
    List<String> sealDueHours() {
        long now = System.nanoTime();
        if (now < nextSealNanos) {
            return List.of();
        }
        nextSealNanos = now + 60_000_000_000L;
        var report = sealer.sealDue();
        return report.sealedPeriods().isEmpty() ? List.of()
                : List.of("sealed " + Plural.of(report.sealedPeriods().size(), "finished hour") + " up to "
                        + report.sealedPeriods().get(report.sealedPeriods().size() - 1) + " UTC, "
                        + Plural.of(report.itemsSealed(), "item"));
    }

    /** Stops the stack once (Ctrl-C's hook and the normal end both call it) and says what is gone and what stays. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stack.close();
            out.println("stopped the local stack (S3 " + ports.s3() + ", DynamoDB " + ports.dynamoDb() + ", Rekognition "
                    + ports.rekognition() + ", KMS " + ports.kms() + ", SNS " + ports.sns() + ")");
            out.println(dataDir == null
                    ? "kept nothing: the bucket, the tables and the keys were in memory (--data-dir DIR keeps them)"
                    : "kept the bucket, the tables and the keys in " + dataDir + " (--serve --data-dir " + dataDir
                            + " resumes)");
        }
    }
}
