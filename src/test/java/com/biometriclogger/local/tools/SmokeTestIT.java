package com.biometriclogger.local.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.local.stack.FreePort;
import com.biometriclogger.local.stack.LocalEvidence;
import com.biometriclogger.testing.RequiredTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/smoke-test.sh, the script a user runs after deploying, run as written against {@code --serve}'s
 * stack: the awscli on PATH, the endpoints from the exports {@code --serve} prints, the explicit names
 * form (the stack form differs only in reading the same names from describe-stacks).
 */
class SmokeTestIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static ServeProcess serve;

    @BeforeAll
    static void startTheServeStack() throws Exception {
        RequiredTools.requireOnPath("aws", "the awscli (Debian package awscli), which docs/smoke-test.sh uses");
        String ports = IntStream.range(0, 5).mapToObj(i -> Integer.toString(FreePort.pick())).collect(Collectors.joining(","));
        serve = ServeProcess.start(PROJECT, "target/bin/local --serve --ports " + ports);
    }

    @AfterAll
    static void stopIt() throws InterruptedException {
        serve.stop();
    }

    @Test
    void aHealthyStackJudgesTheSampleAndVerifies() {
        var run = smokeTest(Map.of());

        assertEquals(0, run.status(), run.both());
        assertTrue(run.out().contains("decision: UNAUTHORIZED\tNOT_ENROLLED\t"), "the sample's own decision item: " + run.both());
        assertTrue(run.out().contains("evidence in " + LocalMain.TABLE), "verify's report: " + run.both());
        assertTrue(run.out().endsWith("smoke-test: OK\n"), run.both());
        assertTrue(serve.awaitLine(LocalMain.PREFIX + "smoke-test/").endsWith("UNAUTHORIZED NOT_ENROLLED"),
                "--serve's handler judged the upload");
    }

    /** An upload nobody judges (outside the function's prefix) stands for a stack whose trigger is broken. */
    @Test
    void noDecisionWithinTheWaitFailsNamingWhereToLook() {
        var run = smokeTest(Map.of("SMOKE_UPLOAD_PREFIX", "elsewhere/", "SMOKE_WAIT_SECONDS", "4"));

        assertEquals(1, run.status(), run.both());
        assertTrue(run.err().startsWith("smoke-test: FAILED: no decision item for s3://" + LocalMain.BUCKET + "/elsewhere/smoke-test/"),
                run.both());
        assertTrue(run.err().contains("dead-letter queue"), run.both());
    }

    private static ShellCommand.Result smokeTest(Map<String, String> settings) {
        List<String> command = new ArrayList<>(List.of("bash", "docs/smoke-test.sh", "--bucket", LocalMain.BUCKET, "--table",
                LocalMain.TABLE, "--"));
        command.addAll(LocalEvidence.verifyArguments(LocalMain.TABLE));
        Map<String, String> env = new HashMap<>(serve.exportedEnvironment());
        env.putAll(settings);
        return ShellCommand.run(PROJECT, command, env);
    }
}
