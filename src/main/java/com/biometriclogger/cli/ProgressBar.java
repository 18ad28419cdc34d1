package com.biometriclogger.cli;

import java.io.PrintStream;

/** A one-line progress bar on stderr, redrawn at most ten times a second. */
class ProgressBar {

    static final ProgressBar SILENT = new ProgressBar(null, 0);

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final long estimatedTotal;
    private long done;
    private long lastDrawn;

    /** @param estimatedTotal DynamoDB's estimate, which can lag by hours: the bar never claims more than 99 % early */
    ProgressBar(PrintStream err, long estimatedTotal) {
        this.err = err;
        this.estimatedTotal = estimatedTotal;
    }

    void step() {
        done++;
        long now = System.nanoTime();
        if (err != null && now - lastDrawn > 100_000_000L) {
            lastDrawn = now;
            draw(false);
        }
    }

    void done() {
        if (err != null) {
            draw(true);
            err.println();
        }
    }

    private void draw(boolean finished) {
        if (estimatedTotal <= 0) {
            err.printf("\rverifying: %,d items", done);
            return;
        }
        int percent = finished ? 100 : (int) Math.min(99, done * 100 / estimatedTotal);
        int filled = percent * WIDTH / 100;
        err.printf("\rverifying [%s%s] %2d%%  %,d of ~%,d items", "#".repeat(filled), " ".repeat(WIDTH - filled),
                percent, done, estimatedTotal);
    }
}
