package com.biometriclogger.local.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.local.stack.FreePort;
import com.biometriclogger.util.TextWrap;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void helpShortOrLongIsTheUsageWithExitZeroOnEverySubcommand() {
        for (String[] args : List.of(new String[] {"-h"}, new String[] {"--help"}, new String[] {"invoke", "-h"},
                new String[] {"seal", "--help"})) {
            var result = run(Map.of(), args);

            assertEquals(0, result.status(), List.of(args).toString());
            assertEquals(LocalMain.USAGE + "\n", result.out(), List.of(args).toString());
        }
        LocalMain.USAGE.lines().forEach(line -> assertTrue(line.length() <= TextWrap.MAX_COLUMNS, line));
    }

    @Test
    void anEmptyDataDirIsRefusedInOneLine() {
        for (String empty : List.of("", " ")) {
            var result = run(Map.of(), "--serve", "--data-dir", empty);

            assertEquals(1, result.status());
            assertEquals("error: --data-dir needs a directory, e.g. --data-dir target/local-data\n", result.err());
        }
    }

    @Test
    void aProjectDirectoryAsDataDirIsRefusedBeforeAnythingStarts(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve("pom.xml"), "<project/>");

        var result = run(Map.of(), "--serve", "--data-dir", project.toString());

        assertEquals(1, result.status());
        assertEquals("error: --data-dir " + project.toAbsolutePath() + " is a project directory (it holds pom.xml): choose a new "
                + "or empty one, e.g. --data-dir target/local-data\n", result.err());
        assertEquals(List.of("pom.xml"), List.of(project.toFile().list()), "nothing written into it");
    }

    @Test
    void aDirectoryHoldingSourcesIsRefusedToo(@TempDir Path project) throws Exception {
        Files.createDirectories(project.resolve("src/main"));

        // The demo, not --serve: were the guard gone, this would end (exit 0) instead of serving for ever.
        var result = run(Map.of(), "--data-dir", project.toString());

        assertEquals(1, result.status());
        assertEquals("error: --data-dir " + project.toAbsolutePath() + " is a project directory (it holds src): choose a new "
                + "or empty one, e.g. --data-dir target/local-data\n", result.err());
        assertEquals(List.of("src"), List.of(project.toFile().list()), "nothing written into it");
    }

    /** The README's shell is in the repository root: `--data-dir .` there is refused before S3Proxy would serve it. */
    @Test
    void theRepositoryRootIsRefused() {
        var root = Path.of("").toAbsolutePath();

        var error = assertThrows(IllegalStateException.class, () -> LocalMain.usableDataDir(Path.of(".")));

        assertTrue(error.getMessage().startsWith("--data-dir " + root + " is a project directory (it holds pom.xml, "), error.getMessage());
        assertTrue(error.getMessage().endsWith("src): choose a new or empty one, e.g. --data-dir target/local-data"), error.getMessage());
        assertFalse(Files.exists(root.resolve("s3")) || Files.exists(root.resolve("dynamodb")), "nothing written into it");
    }

    @Test
    void invokeWithoutTheExportsSaysToPasteThem() {
        var result = run(Map.of(), "invoke", "-e", "events/single-upload.json");

        assertEquals(1, result.status());
        assertTrue(result.err().startsWith("error: "), result.err());
        assertTrue(result.err().strip().endsWith("; against the local stack, paste the export line "
                + "`target/bin/local --serve` printed into this shell"), result.err());
    }

    @Test
    void anEndpointThatRefusesIsNamedWithTheQuestionWhetherServeRuns() {
        String s3 = "http://127.0.0.1:" + FreePort.pick();

        var result = run(Map.of("AWS_ENDPOINT_URL_S3", s3, "UPLOAD_BUCKET", LocalMain.BUCKET, "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "localaccesskey", "AWS_SECRET_ACCESS_KEY", "localsecretkey"), "invoke", "--key", "uploads/me/1.jpg");

        assertEquals(1, result.status());
        assertEquals("error: nothing answers at\n  " + s3 + " (AWS_ENDPOINT_URL_S3)\n"
                + "is `target/bin/local --serve` running?\n", result.err());
    }

    @Test
    void invokeTakesRegionAndKeysFromAProfileAsVerifyDoes(@TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[profile door]\nregion = eu-west-1\n");
        Files.write(home.resolve(".aws/credentials"),
                List.of("[door]", "aws_access_key_id = AKIDOOR", "aws_secret_access_key = doorsecret"));
        String s3 = "http://127.0.0.1:" + FreePort.pick();

        var result = run(Map.of("HOME", home.toString(), "AWS_PROFILE", "door", "AWS_ENDPOINT_URL_S3", s3,
                "UPLOAD_BUCKET", LocalMain.BUCKET), "invoke", "--key", "uploads/me/1.jpg");

        // Without the profile it would stop at "no region"; with it, the call goes out and meets the closed port.
        assertEquals(1, result.status());
        assertTrue(result.err().startsWith("error: nothing answers at\n  " + s3), result.err());
    }

    static Result run(Map<String, String> env, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = LocalMain.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
