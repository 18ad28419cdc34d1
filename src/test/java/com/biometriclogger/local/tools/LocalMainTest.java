package com.biometriclogger.local.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The local command's answers that need no stack: refusals, each one line and a status. */
class LocalMainTest {

    record Result(int status, String out, String err) {
    }

    @Test
    void sealWithoutTheExportsSaysToPasteThem() {
        var result = run(Map.of(), "seal");

        assertEquals(1, result.status());
        assertEquals("error: seal runs against the --serve stack only: paste the export line `target/bin/local --serve` "
                + "printed into this shell\n", result.err());
        assertEquals("", result.out());
    }

    @Test
    void sealRefusesAnEndpointOtherThanLoopback() {
        var result = run(Map.of("AWS_ENDPOINT_URL_DYNAMODB", "https://dynamodb.us-east-1.amazonaws.com"), "seal");

        assertEquals(1, result.status());
        assertEquals("error: seal runs against the --serve stack only, not https://dynamodb.us-east-1.amazonaws.com: "
                + "paste the export line `target/bin/local --serve` printed into this shell\n", result.err());
    }

    @Test
    void sealTakesNoArguments() {
        var result = run(Map.of(), "seal", "--data-dir", "x");

        assertEquals(2, result.status());
        assertEquals("error: seal takes no arguments: it seals the stack the exports name", result.err().lines().findFirst()
                .orElseThrow());
    }

    static Result run(Map<String, String> env, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = LocalMain.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
