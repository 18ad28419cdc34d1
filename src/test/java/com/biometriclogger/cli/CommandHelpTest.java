package com.biometriclogger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.util.TextWrap;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code -h} and {@code --help} on the evidence commands (verify, erase, review): the usage on stdout, exit 0, nothing on stderr. */
class CommandHelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"-h", "--help"})
    void verifyPrintsItsUsage(String flag) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int status = VerifyCommand.run(new String[] {flag}, Map.of(), print(out), print(err));

        assertEquals(0, status);
        assertEquals(VerifyOptions.USAGE + "\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-h", "--help"})
    void erasePrintsItsUsage(String flag) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int status = EraseCommand.run(new String[] {"--subject", "me", flag}, Map.of(), print(out), print(err));

        assertEquals(0, status);
        assertEquals(EraseOptions.USAGE + "\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"verify", "erase"})
    void everyLineOfTheUsageFitsAHundredColumns(String command) {
        var usage = command.equals("verify") ? VerifyOptions.USAGE : EraseOptions.USAGE;

        usage.lines().forEach(line -> assertTrue(line.length() <= TextWrap.MAX_COLUMNS, line));
    }

    @ValueSource(strings = {"-h", "--help"})
    void reviewPrintsItsUsage(String flag) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int status = ReviewCommand.run(new String[] {"--attempt", "x", flag}, Map.of(), print(out), print(err));

        assertEquals(0, status);
        assertEquals(ReviewOptions.USAGE + "\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
