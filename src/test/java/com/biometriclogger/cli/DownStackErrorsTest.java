package com.biometriclogger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.local.stack.FreePort;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * verify and erase with the --serve exports pasted but the stack stopped: each names the endpoints
 * that refused and asks whether --serve runs, and a dry run never says it stopped something.
 */
class DownStackErrorsTest {

    private static final String KEY = "arn:aws:kms:us-east-1:000000000000:key/10ca1000-0000-4000-8000-000000000000";
    private static final String ERASE = "--table t-audit --bucket b-uploads --kms-key-id " + KEY
            + " --subject me --legal-basis basis --request REQ-1";

    private final Map<String, String> env = new HashMap<>();
    private String dynamoDb;
    private String kms;

    @BeforeEach
    void theExportsOfAStoppedServe() {
        dynamoDb = "http://127.0.0.1:" + FreePort.pick();
        kms = "http://127.0.0.1:" + FreePort.pick();
        env.putAll(Map.of("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb, "AWS_ENDPOINT_URL_KMS", kms,
                "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + FreePort.pick(), "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "localaccesskey", "AWS_SECRET_ACCESS_KEY", "localsecretkey"));
    }

    @Test
    void verifyNamesTheRefusingEndpointsAndAsksWhetherServeRuns() {
        var result = run(VerifyCommand::run, "--table t-audit --kms-key-id " + KEY + " --seal-kms-key-id " + KEY);

        assertEquals(2, result.status());
        assertTrue(result.err().startsWith("verify: could not read the evidence: nothing answers at\n"), result.err());
        assertTrue(result.err().contains("\n  " + dynamoDb + " (AWS_ENDPOINT_URL_DYNAMODB)\n"), result.err());
        assertTrue(result.err().contains("\n  " + kms + " (AWS_ENDPOINT_URL_KMS)\n"), result.err());
        assertTrue(result.err().endsWith("\nis `target/bin/local --serve` running?\n"), result.err());
    }

    @Test
    void eraseNamesTheRefusingEndpointsAndAsksWhetherServeRuns() {
        var result = run(EraseCommand::run, ERASE);

        assertEquals(2, result.status());
        assertTrue(result.err().startsWith("erase: stopped: nothing answers at\n"), result.err());
        assertTrue(result.err().contains("\n  " + kms + " (AWS_ENDPOINT_URL_KMS)\n"), result.err());
        assertTrue(result.err().contains("\nis `target/bin/local --serve` running?\n"), result.err());
    }

    @Test
    void aDryRunThatCannotReachTheStackNeverSaysItStoppedAnything() {
        var result = run(EraseCommand::run, ERASE + " --dry-run");

        assertEquals(2, result.status());
        assertTrue(result.err().startsWith("erase: could not read the ledger: nothing answers at\n"), result.err());
        assertTrue(result.err().endsWith("\nis `target/bin/local --serve` running?\n"), result.err());
        assertFalse(result.err().contains("stopped"), result.err());
        assertFalse(result.err().contains("again"), result.err());
    }

    @Test
    void anEndpointOffThisMachineIsNeverBlamedOnServe() {
        env.put("AWS_ENDPOINT_URL_KMS", "http://192.0.2.1:1");
        env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://192.0.2.1:1");
        env.remove("AWS_ENDPOINT_URL_S3");

        assertEquals(java.util.Optional.empty(), RefusedEndpoints.named(env));
    }

    private Result run(Command command, String args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = command.run(args.split(" "), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private interface Command {
        int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err);
    }

    private record Result(int status, String out, String err) {
    }
}
