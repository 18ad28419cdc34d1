package com.biometriclogger.local.tools;

import com.biometriclogger.local.stack.LocalEvidence;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.util.TextWrap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What {@code --serve} prints once the stand-ins are up: the environment to export and the commands to paste. */
final class ServeInstructions {

    private ServeInstructions() {
    }

    static String text(LocalStack stack, boolean detectOnly) {
        return """

                Local stack is up. In another shell, in this directory, the environment of the function,
                of invoke and of verify:

                %s

                Upload with the awscli (any JPEG or PNG with one face will do; this one ships with the project):

                %s
                %s

                Run the function on one event, like `sam local invoke -e` (any file in events/; --bucket points
                its records at this bucket), on an object's current version, or run the seal function:

                target/bin/local invoke -e events/single-upload.json --bucket %s
                target/bin/local invoke --key %s
                target/bin/local invoke -e events/hourly-seal.json

                Check the evidence (signatures, seals, decisions; --json for a machine):

                %s

                Finished hours are sealed every minute, as the deployed seal function does hourly.
                A change made to the tables by hand (update-item, delete-item) prints an ALERT line: what the
                deployed change alarm publishes on the alert topic.
                New uploads are judged as they arrive. Ctrl-C stops the stack.
                """.formatted(commandLine(exports(stack, detectOnly)), copyCommands(stack, detectOnly),
                commandLine(List.of("aws", "dynamodb", "scan", "--table-name", LocalMain.TABLE, "--endpoint-url",
                        stack.dynamoDbEndpoint().toString(), "--query", "'Items[].[objectKey.S,decision.S,attemptId.S]'",
                        "--output", "text")),
                LocalMain.BUCKET, detectOnly ? LocalMain.PREFIX + "me.jpg" : LocalMain.PREFIX + "me/1.jpg",
                commandLine(verifyCommand()));
    }

    /** Everything the function, invoke and verify read, as {@code --serve}'s stack sets it. */
    private static List<String> exports(LocalStack stack, boolean detectOnly) {
        Map<String, String> env = new TreeMap<>(stack.functionEnvironment(LocalMain.BUCKET, LocalMain.TABLE));
        env.putAll(LocalProfile.settings(detectOnly));
        // The awscli v1 (Debian's) reads its region from AWS_DEFAULT_REGION only.
        env.put("AWS_DEFAULT_REGION", LocalStack.REGION);
        List<String> words = new ArrayList<>(List.of("export"));
        env.forEach((name, value) -> words.add(name + "=" + value));
        return words;
    }

    /** The verify command for the local table, as a user types it: both keys and the seal archive. */
    private static List<String> verifyCommand() {
        List<String> words = new ArrayList<>(List.of("target/bin/verify"));
        words.addAll(LocalEvidence.verifyArguments(LocalMain.TABLE, "--rederive"));
        return words;
    }

    /**
     * Each continuation line's indent: two spaces, so the longest unit (the seal key's ARN with its
     * variable, 96 columns) still fits with its backslash.
     */
    private static final String CONTINUATION = "  ";

    /**
     * A command as a user pastes it, from the first column: each option with its value, continued
     * with a backslash so that no line, backslash included, passes {@link TextWrap#MAX_COLUMNS}.
     */
    static String commandLine(List<String> words) {
        List<String> units = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            boolean takesValue = words.get(i).startsWith("--") && i + 1 < words.size() && !words.get(i + 1).startsWith("--");
            units.add(takesValue ? words.get(i) + " " + words.get(++i) : words.get(i));
        }
        var text = new StringBuilder();
        int lineStart = 0;
        for (int u = 0; u < units.size(); u++) {
            if (u > 0 && text.length() - lineStart + 1 + units.get(u).length() > TextWrap.MAX_COLUMNS - " \\".length()) {
                text.append(" \\\n");
                lineStart = text.length();
                text.append(CONTINUATION);
            } else if (u > 0) {
                text.append(' ');
            }
            text.append(units.get(u));
        }
        return text.toString();
    }

    /** A face photo the project ships (public domain, see its PROVENANCE.md), for the by-hand flow. */
    static final String SAMPLE = "src/local/resources/samples/astronaut.jpg";

    /** Enrol first, then upload, as deployed; detect-only judges any upload under the prefix. */
    private static String copyCommands(LocalStack stack, boolean detectOnly) {
        var keys = detectOnly ? List.of(LocalMain.PREFIX + "me.jpg") : List.of(LocalMain.REFERENCE_PREFIX + "me.jpg", LocalMain.PREFIX + "me/1.jpg");
        return keys.stream().map(key -> commandLine(List.of("aws", "s3", "cp", SAMPLE, "s3://" + LocalMain.BUCKET + "/" + key,
                "--endpoint-url", stack.s3Endpoint().toString()))).collect(Collectors.joining("\n"));
    }
}
