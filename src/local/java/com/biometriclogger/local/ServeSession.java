package com.biometriclogger.local;

import com.biometriclogger.evidence.Sealer;
import com.biometriclogger.handler.ChangeAlarmHandler;
import com.biometriclogger.handler.VerificationHandler;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code --serve}: the stack on fixed ports, and every new upload judged by the real handler. */
final class ServeSession implements AutoCloseable {

    private final LocalStack stack;
    private final VerificationHandler handler;
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

    /** Judges the uploads that arrived since the last call; one printable line each. */
    List<String> deliverNewUploads() {
        List<String> lines = new ArrayList<>();
        for (var record : watcher.newUploads()) {
            var result = LocalMain.deliver(handler, record);
            lines.add(record.getS3().getObject().getUrlDecodedKey() + "  " + result.outcome() + "  "
                    + (result.decision() == null ? result.detail() : result.decision() + " " + result.reasons()));
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
                : List.of("sealed " + report.sealedPeriods().size() + " finished hour(s) up to "
                        + report.sealedPeriods().get(report.sealedPeriods().size() - 1) + " UTC, "
                        + report.itemsSealed() + " item(s)");
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stack.close();
        }
    }
}
