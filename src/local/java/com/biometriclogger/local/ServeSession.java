package com.biometriclogger.local;

import com.biometriclogger.handler.VerificationHandler;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code --serve}: the stack on fixed ports, and every new upload under the prefix judged by the real handler. */
final class ServeSession implements AutoCloseable {

    private final LocalStack stack;
    private final VerificationHandler handler;
    private final UploadWatcher watcher;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ServeSession(LocalStack stack, boolean versioned) {
        this.stack = stack;
        this.handler = LocalMain.handler(stack);
        this.watcher = new UploadWatcher(stack.s3(), LocalMain.BUCKET, LocalMain.PREFIX, versioned);
        watcher.skipExisting();
    }

    static ServeSession start(LocalStack.Ports ports, Path dataDir, PrintStream out) {
        var stack = LocalMain.startStack(ports, dataDir);
        return new ServeSession(stack, LocalMain.createUploadBucket(stack, out));
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

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stack.close();
        }
    }
}
