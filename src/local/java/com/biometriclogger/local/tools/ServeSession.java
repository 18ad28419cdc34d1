package com.biometriclogger.local.tools;

import com.biometriclogger.evidence.Sealer;
import com.biometriclogger.handler.ChangeAlarmHandler;
import com.biometriclogger.handler.DecisionHandler;
import com.biometriclogger.local.stack.LocalEvidence;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.local.stack.StreamPoller;
import com.biometriclogger.local.stack.UploadWatcher;
import com.biometriclogger.util.Plural;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/** {@code --serve}: the stack on fixed ports, and every new upload judged by the real handler. */
final class ServeSession implements AutoCloseable {

    private final LocalStack stack;
    private final DecisionHandler handler;
    private final UploadWatcher watcher;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Sealer sealer;
    private final StreamPoller changes;
    private long nextSealNanos;

    private ServeSession(LocalStack stack, boolean versioned, boolean detectOnly) {
        this.stack = stack;
        this.handler = LocalMain.handler(stack, detectOnly);
        // The whole bucket, as the deployed notifications cover references and uploads: the handler decides scope.
        this.watcher = new UploadWatcher(stack.s3(), LocalMain.BUCKET, "", versioned);
        watcher.skipExisting();
        this.sealer = LocalEvidence.sealer(stack, LocalMain.TABLE, Clock.systemUTC());
        this.changes = new StreamPoller(stack.dynamoDb(), stack.dynamoDbStreams(),
                ChangeAlarmHandler.fromEnvironment(stack.functionEnvironment(LocalMain.BUCKET, LocalMain.TABLE)),
                List.of(LocalMain.TABLE, LocalStack.sealTableName(LocalMain.TABLE)));
    }

    static ServeSession start(LocalStack.Ports ports, Path dataDir, boolean detectOnly, PrintStream out) {
        var stack = LocalMain.startStack(ports, dataDir);
        return new ServeSession(stack, LocalMain.createUploadBucket(stack, out), detectOnly);
    }

    LocalStack stack() {
        return stack;
    }

    /** Judges the uploads that arrived since the last call; one line each: the key, then the decision and reasons. */
    List<String> deliverNewUploads() {
        List<String> lines = new ArrayList<>();
        for (var record : watcher.newUploads()) {
            var result = LocalMain.deliver(handler, record);
            String reasons = result.reasons().stream().map(Enum::name).collect(Collectors.joining(","));
            String judged = result.decision() == null ? result.outcome() + " (" + result.detail() + ")"
                    : (result.decision() + " " + reasons).strip();
            lines.add(record.getS3().getObject().getUrlDecodedKey() + "  " + judged);
        }
        return lines;
    }

    /** What the change alarm published since the last call (the tables' streams read, as deployed); a line each. */
    List<String> raisedAlerts() {
        changes.poll();
        return stack.sns().drain().stream().map(alert -> "ALERT " + alert.message()).toList();
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

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stack.close();
        }
    }
}
