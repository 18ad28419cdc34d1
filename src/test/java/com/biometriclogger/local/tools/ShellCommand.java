package com.biometriclogger.local.tools;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A command a user types in the project, run to its end with the environment of their second shell. */
final class ShellCommand {

    record Result(int status, String out, String err) {
        String both() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private ShellCommand() {
    }

    static Result run(Path project, List<String> command, Map<String, String> env) {
        try {
            var builder = new ProcessBuilder(command).directory(project.toFile());
            builder.environment().putAll(env);
            // Nothing of the machine's own AWS configuration may reach the stand-ins.
            builder.environment().put("AWS_CONFIG_FILE", project.resolve("target/no-aws-config").toString());
            builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", project.resolve("target/no-aws-credentials").toString());
            var process = builder.start();
            var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            var err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(300, TimeUnit.SECONDS), command + " did not finish");
            return new Result(process.exitValue(), out, err);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
