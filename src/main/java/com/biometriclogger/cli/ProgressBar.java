package com.biometriclogger.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/** A one-line progress bar on stderr, redrawn at most ten times a second. */
class ProgressBar {

    static final ProgressBar SILENT = new ProgressBar(Optional.empty(), 0);

    private static final int WIDTH = 30;

    private final Optional<PrintStream> err;
    private final long estimatedTotal;
    private long done;
    private long lastDrawn;

    /** @param estimatedTotal DynamoDB's estimate, which can lag by hours: the bar never claims more than 99 % early */
    ProgressBar(PrintStream err, long estimatedTotal) {
        this(Optional.of(err), estimatedTotal);
    }

    private ProgressBar(Optional<PrintStream> err, long estimatedTotal) {
        this.err = err;
        this.estimatedTotal = estimatedTotal;
    }

    void step() {
        done++;
        long now = System.nanoTime();
        if (err.isPresent() && now - lastDrawn > 100_000_000L) {
            lastDrawn = now;
            draw(err.get(), false);
        }
    }

    void done() {
        err.ifPresent(stream -> {
            draw(stream, true);
            stream.println();
        });
    }

    private void draw(PrintStream err, boolean finished) {
        if (estimatedTotal <= 0) {
            err.printf(Locale.ROOT, "\rverifying: %,d items", done);
            return;
        }
        int percent = finished ? 100 : (int) Math.min(99, done * 100 / estimatedTotal);
        int filled = percent * WIDTH / 100;
        err.printf(Locale.ROOT, "\rverifying [%s%s] %2d%%  %,d of ~%,d items", "#".repeat(filled), " ".repeat(WIDTH - filled),
                percent, done, estimatedTotal);
    }
}
