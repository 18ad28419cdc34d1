package com.biometriclogger.template;

import com.biometriclogger.testing.RequiredTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The external checkers the template tests run: cfn-lint, the SAM translator (Python) and
 * cfn-guard. {@code .ci/run} installs them; where one is missing the test fails with a line saying
 * how to get it, never skips.
 */
final class PolicyTools {

    static final Path GUARD_RULES = Path.of("src/test/policy/template.guard");
    static final Path SAM_TRANSFORM = Path.of("src/test/policy/sam_transform.py");

    private PolicyTools() {
    }

    record Result(int exitCode, String output) {
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        return run(command, Path.of("."), 120);
    }

    static Result run(List<String> command, Path directory, int timeoutSeconds) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), output);
    }

    static String requireCfnGuard() {
        String configured = System.getenv("CFN_GUARD");
        Path path = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache/biometric-logger/cfnguard/package/bin/ubuntu/x86_64/cfn-guard");
        if (!Files.isExecutable(path)) {
            throw new AssertionError("cfn-guard not found at " + path
                    + ": bash .ci/run installs it (npm pack @cdklabs/cdk-validator-cfnguard@0.0.62), or set CFN_GUARD");
        }
        return path.toString();
    }

    static void requireCommand(String command) {
        RequiredTools.requireOnPath(command, "Python's cfn-lint package (PyPI: cfn-lint)");
    }

    static void requirePythonCfnTools() {
        if (!RequiredTools.succeeds("python3 -c 'import samtranslator, cfnlint'")) {
            throw new AssertionError("python3 on PATH lacks the cfn-lint and aws-sam-translator packages: bash .ci/run "
                    + "installs them (pip, from PyPI), or put a python3 that has them first on PATH");
        }
    }

    private static Path expanded;

    /** template.yaml expanded by the SAM translator into plain CloudFormation JSON (once per run). */
    static synchronized Path expandedTemplate() throws IOException, InterruptedException {
        if (expanded != null) {
            return expanded;
        }
        requirePythonCfnTools();
        Path target = Path.of("target/template.expanded.json");
        Files.createDirectories(target.getParent());
        var result = run(List.of("python3", SAM_TRANSFORM.toString(), "template.yaml", target.toString()));
        if (result.exitCode() != 0) {
            throw new AssertionError("the SAM transform failed:\n" + result.output());
        }
        expanded = target;
        return target;
    }
}
