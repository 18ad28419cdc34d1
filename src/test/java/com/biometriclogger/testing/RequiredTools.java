package com.biometriclogger.testing;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The outside programs some tests run (awscli, python3, openssl, cfn-lint...). A missing one fails
 * the test with one line saying how to get it, never skips it: a check that did not run must not
 * read as a check that passed. {@code bash .ci/run} installs each of them.
 */
public final class RequiredTools {

    private RequiredTools() {
    }

    /** @param what what the test needs it for, and where it comes from, e.g. "the awscli (Debian package awscli)" */
    public static void requireOnPath(String command, String what) {
        if (!succeeds("command -v " + command)) {
            throw new AssertionError(command + " is not on PATH: this test needs " + what + "; bash .ci/run installs it");
        }
    }

    /** Whether {@code bash -c script} exits 0 within 60 s. */
    public static boolean succeeds(String script) {
        try {
            var process = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
