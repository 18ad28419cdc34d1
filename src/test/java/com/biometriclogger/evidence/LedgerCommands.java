package com.biometriclogger.evidence;

import com.biometriclogger.cli.EraseCommand;
import com.biometriclogger.cli.ReviewCommand;
import com.biometriclogger.cli.VerifyCommand;
import com.biometriclogger.local.stack.LocalEvidence;
import com.biometriclogger.local.stack.LocalKms;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.testing.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@code erase}, {@code review} and {@code verify} as an operator runs them on a scenario's stack, with what they print. */
final class LedgerCommands {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Scenario scenario;

    LedgerCommands(Scenario scenario) {
        this.scenario = scenario;
    }

    record Run(int status, String out, String err) {

        /** verify's {@code --json} report. */
        JsonNode report() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON report: " + out + err, e);
            }
        }

        /** Each finding as "PROBLEM subject". */
        List<String> findings() {
            List<String> findings = new ArrayList<>();
            report().get("findings").forEach(f -> findings.add(f.get("problem").asText() + " " + f.get("subject").asText()));
            return findings;
        }

        List<String> problems() {
            List<String> problems = new ArrayList<>();
            report().get("findings").forEach(finding -> problems.add(finding.get("problem").asText()));
            return problems;
        }
    }

    private interface Command {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    Run erase(String subject, String request, String... extra) {
        return capture((args, out, err) -> EraseCommand.run(args, scenario.environment(), out, err),
                LocalEvidence.eraseArguments(scenario.table(), scenario.bucket(), subject, request, extra));
    }

    /** review with the deployment's item key and commitments, as the reviewer role runs it: {@code args} after those. */
    Run review(String... args) {
        var all = new ArrayList<>(List.of("--table", scenario.table(), "--kms-key-id", LocalKms.KEY_ARN, "--commitments",
                LocalStack.commitmentArchive(scenario.table())));
        all.addAll(List.of(args));
        return capture((arguments, out, err) -> ReviewCommand.run(arguments, scenario.environment(), out, err), all);
    }

    /** verify with the deployment's keys and archive, and {@code extra} options. */
    Run verify(String... extra) {
        return capture((args, out, err) -> VerifyCommand.run(args, scenario.environment(), out, err),
                LocalEvidence.verifyArguments(scenario.table(), extra));
    }

    /** verify with the deployment's keys but not its archive. */
    Run verifyWithoutArchive() {
        return verifyWithout("--seal-archive");
    }

    /** verify with the deployment's keys and seal archive but not its commitments, and {@code extra} options. */
    Run verifyWithoutCommitments(String... extra) {
        return verifyWithout("--commitments", extra);
    }

    private Run verifyWithout(String option, String... extra) {
        var args = new ArrayList<>(LocalEvidence.verifyArguments(scenario.table(), extra));
        int at = args.indexOf(option);
        args.subList(at, at + 2).clear();
        return capture((arguments, out, err) -> VerifyCommand.run(arguments, scenario.environment(), out, err), args);
    }

    private static Run capture(Command command, List<String> args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = command.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
