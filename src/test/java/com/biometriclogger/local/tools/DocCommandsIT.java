package com.biometriclogger.local.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.local.stack.FreePort;
import com.biometriclogger.testing.RequiredTools;
import com.biometriclogger.util.TextWrap;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/local.md's "Getting started" run as a new user runs it: every command of its bash blocks, as
 * written, through the launchers {@code mvn package} wrote (the suite's own build is the page's
 * {@code mvn} line), each checked for its output and exit status; then docs/evidence.md's by-hand
 * blocks, their output compared with the page's. One liberty: the {@code --serve} ports, which the
 * page gives as 9000/8000/9100/9200/9300, are free ports here (other builds share this machine), in
 * the commands and in what {@code --serve} prints alike.
 */
class DocCommandsIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    static final Path LOCAL_PAGE = PROJECT.resolve("docs/local.md");
    static final Path EVIDENCE_PAGE = PROJECT.resolve("docs/evidence.md");
    static final String LOCAL_SECTION = "## Getting started";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> PAGE_PORTS = Map.of("s3", "9000", "dynamodb", "8000", "rekognition", "9100",
            "kms", "9200", "sns", "9300");

    private final Map<String, String> ports = Map.of("s3", free(), "dynamodb", free(), "rekognition", free(), "kms", free(),
            "sns", free());
    private final Map<String, String> env = new HashMap<>();
    /** Read from the page's scan, for the alert of the tampering after it. */
    private String attemptId;

    record Run(String command, int status, String out, String err) {
        String both() {
            return "$ " + command + "\nexit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    @Test
    void everyCommandOfTheLocalSectionWorksAsWritten() throws Exception {
        RequiredTools.requireOnPath("aws", "the awscli (Debian package awscli), which docs/local.md's flow uses");
        RequiredTools.requireOnPath("python3", "python3 (Debian package python3), which docs/local.md's flow uses");
        List<String> commands = DocBlocks.commands(LOCAL_PAGE, LOCAL_SECTION);
        Map<String, BiConsumer<Run, ServeProcess>> checks = checks();
        ServeProcess serve = null;
        try {
            for (String command : commands) {
                if (command.startsWith("mvn ")) {
                    assertEquals("mvn -q package -DskipTests", command, "the build this suite ran before its integration tests");
                    continue;
                }
                if (command.equals("target/bin/local --serve")) {
                    serve = ServeProcess.start(PROJECT, command + " --ports " + String.join(",", ports.get("s3"), ports.get("dynamodb"),
                            ports.get("rekognition"), ports.get("kms"), ports.get("sns")));
                    continue;
                }
                if (command.startsWith("export ")) {
                    assertTrue(serve != null, "the exports come from --serve");
                    assertEquals(oneLine(withLocalPorts(command)), oneLine(serve.printedExport()),
                            "the page's exports are --serve's (where the lines break depends on the ports' digits)");
                    env.putAll(serve.exportedEnvironment());
                    continue;
                }
                var check = checks.entrySet().stream().filter(e -> command.startsWith(e.getKey())).findFirst()
                        .orElseThrow(() -> new AssertionError("a docs/local.md command without a check: " + command));
                check.getValue().accept(run(command), serve);
            }
            // Then as an insider with the awscli: docs/evidence.md's by-hand blocks, each script as written.
            var examples = DocBlocks.examples(EVIDENCE_PAGE, "### By hand against the local stack",
                    "### What a verifier needs in AWS");
            assertEquals(List.of(1, 1, 0), examples.stream().map(example -> {
                var run = run(example.script());
                assertEquals(DocBlocks.comparable(example.output()), DocBlocks.comparable(run.out()),
                        "what docs/evidence.md shows: " + run.both());
                assertTrue(!example.script().contains("verify_bundle.py") || run.out().lines()
                        .allMatch(line -> line.length() <= TextWrap.MAX_COLUMNS), "the checker's lines fit: " + run.both());
                return run.status();
            }).toList(), "the edit is found by verify and by the bundle checker; the untouched item verifies with openssl");
            assertEquals("ALERT UNEXPECTED_MODIFY: MODIFY of audit item " + attemptId + " in table " + LocalMain.TABLE
                    + "; changed attributes: decision. Nothing of ours modifies a stored item: run verify with --commitments "
                    + "(CHANGED_AFTER_COMMITMENT, re-signed or not, sealed or not; SIGNATURE_INVALID unless re-signed) and look "
                    + "the caller up in CloudTrail.",
                    serve.awaitMessage("ALERT UNEXPECTED_MODIFY", "CloudTrail."),
                    "--serve prints the alert the change alarm raised for the edit");
            assertEquals(List.of(), serve.linesOver(TextWrap.MAX_COLUMNS), "every line --serve printed fits the columns");
        } finally {
            if (serve != null) {
                serve.stop();
            }
        }
    }

    /**
     * docs/evidence.md's erase flow on a fresh {@code --serve} (the first test edits an item of subject
     * {@code me}): the page's uploads, then {@code local seal}, {@code erase} and {@code verify} as written,
     * with no wait for the hour's seal, its output compared with the page's.
     */
    @Test
    void theLocalEraseFlowRunsAsWrittenWithoutWaitingForTheHour() throws Exception {
        RequiredTools.requireOnPath("aws", "the awscli (Debian package awscli), which docs/evidence.md's flow uses");
        var serve = ServeProcess.start(PROJECT, "target/bin/local --serve --ports " + String.join(",", ports.get("s3"),
                ports.get("dynamodb"), ports.get("rekognition"), ports.get("kms"), ports.get("sns")));
        try {
            env.putAll(serve.exportedEnvironment());
            long started = System.nanoTime();
            var uploads = DocBlocks.commands(LOCAL_PAGE, LOCAL_SECTION).stream().filter(c -> c.startsWith("aws s3 cp")).toList();
            assertEquals(2, uploads.size(), "the reference and the upload of subject me");
            uploads.forEach(upload -> checks().get("aws s3 cp").accept(run(upload), serve));
            var examples = DocBlocks.examples(EVIDENCE_PAGE, "#### On the local stack", "## Testing");
            assertEquals(1, examples.size(), "seal, erase and verify in one block, its output after it");
            var run = run(examples.get(0).script());
            assertEquals(erasureComparable(examples.get(0).output()), erasureComparable(run.out()),
                    "what docs/evidence.md shows: " + run.both());
            assertEquals(0, run.status(), "erase files its records under the hour after the one sealed early: " + run.both());
            assertTrue(run.out().contains("\n  erased                 2 (sealed, then erased"), run.both());
            assertTrue(serve.awaitMessage("ALERT LAWFUL_ERASURE: REMOVE of audit item", "signature.")
                    .contains("request REQ-1"));
            System.out.printf("[measured] docs/evidence.md's local erase flow, first upload to verify: %.1f s%n",
                    (System.nanoTime() - started) / 1e9);
            assertEquals(130, serve.interrupt(), "Ctrl-C ends the JVM as SIGINT does (128 + 2)");
            assertEquals("stopped the local stack (S3 %s, DynamoDB %s, Rekognition %s, KMS %s, SNS %s)\nkept nothing: the bucket, "
                    .formatted(ports.get("s3"), ports.get("dynamodb"), ports.get("rekognition"), ports.get("kms"), ports.get("sns"))
                    + "the tables and the keys were in memory (--data-dir DIR keeps them)", serve.lastLines(2), "Ctrl-C's report");
        } finally {
            serve.stop();
        }
    }

    /**
     * The user who erases, whether --serve had sealed the hour before, the version ids (the store numbers
     * every version it writes) and the items' order (by attempt id) differ by machine, minute and run.
     */
    private static String erasureComparable(String output) {
        return DocBlocks.comparable(output).replaceFirst("^sealed \\d+ hours? up to", "sealed <hours> up to")
                .replaceAll("recorded as erased by \\S+", "recorded as erased by <user>")
                .replaceAll("(?m)^    <sha256>  \\S+$", "    <sha256>  <key>")
                .replaceAll("version v\\d+", "version <id>");
    }

    /** What each command must print, by how it starts; the first match wins, so longer prefixes come first. */
    private Map<String, BiConsumer<Run, ServeProcess>> checks() {
        Map<String, BiConsumer<Run, ServeProcess>> checks = new LinkedHashMap<>();
        checks.put("target/bin/local --help", (run, serve) -> {
            assertEquals(0, run.status(), run.both());
            assertTrue(run.out().startsWith("usage: target/bin/local"), run.both());
        });
        checks.put("target/bin/verify --help", (run, serve) -> {
            assertEquals(0, run.status(), run.both());
            assertTrue(run.out().startsWith("usage: target/bin/verify"), run.both());
        });
        checks.put("target/bin/local invoke --key", (run, serve) -> {
            assertEquals(0, run.status(), run.both());
            assertEquals("DUPLICATE", json(run).path("results").get(0).path("outcome").asText(),
                    "--serve judged it already: " + run.both());
        });
        checks.put("target/bin/local invoke -e events/hourly-seal.json", (run, serve) -> {
            assertEquals(0, run.status(), run.both());
            assertTrue(json(run).has("sealedPeriods"), "the seal function's report: " + run.both());
        });
        checks.put("target/bin/local invoke --bucket biometric-logger-local-uploads -e events/*.json",
                (run, serve) -> EventFileChecks.checkEveryEvent(PROJECT, run));
        checks.put("target/bin/local", (run, serve) -> checkDemo(run));
        checks.put("aws s3 cp", (run, serve) -> {
            assertEquals(0, run.status(), run.both());
            String key = run.command().replaceFirst("(?s)^.* s3://[^/]+/(\\S+).*$", "$1");
            String line = serve.awaitLine(key + "  ");
            assertEquals(key.startsWith("references/") ? key + "  ENROLLED" : key + "  AUTHORIZED", line);
            assertTrue(serve.printedCommands().contains(oneLine(withLocalPorts(run.command()))), "--serve printed it: " + run.both());
        });
        checks.put("aws dynamodb scan", (run, serve) -> {
            assertEquals(0, run.status(), run.both());
            assertTrue(serve.printedCommands().contains(oneLine(withLocalPorts(run.command()))), "--serve printed it: " + run.both());
            var row = Pattern.compile("(?m)^uploads/me/1\\.jpg\\tAUTHORIZED\\t([0-9a-f]{64})$").matcher(run.out());
            assertTrue(row.find(), "the attempt id beside its key: " + run.both());
            attemptId = row.group(1);
        });
        checks.put("target/bin/verify", (run, serve) -> {
            if (run.command().contains("python3 -m json.tool")) {
                assertEquals(0, run.status(), run.both());
                assertTrue(json(run).path("intact").asBoolean(), run.both());
                assertEquals("", run.err(), "no progress frames when stdout is a pipe: " + run.both());
            } else if (run.command().contains("--export")) {
                assertEquals(0, run.status(), run.both());
                assertTrue(run.err().startsWith("evidence bundle written to "), run.both());
            } else {
                assertEquals(0, run.status(), run.both());
                assertTrue(run.out().strip().endsWith("RESULT: INTACT"), run.both());
                assertFalse(run.err().contains("\r"), "stderr is not a terminal here: no progress bar");
            }
        });
        checks.put("python3 target/evidence-bundle/verify_bundle.py", (run, serve) -> {
            assertEquals(0, run.status(), run.both());
            assertTrue(run.out().strip().endsWith("RESULT: INTACT"), run.both());
        });
        return checks;
    }

    private static String readReport() {
        try {
            return Files.readString(PROJECT.resolve(LocalDemo.REPORT));
        } catch (IOException e) {
            throw new UncheckedIOException("the demo writes " + LocalDemo.REPORT, e);
        }
    }

    /**
     * The demo: every outcome once (a review, a second reference deciding, a lockout among them), the evidence
     * intact and the review counted, a tampered copy named, the demo's own lines within the columns.
     */
    private static void checkDemo(Run run) {
        assertEquals(0, run.status(), run.both());
        assertTrue(run.out().contains("identity matching is ON (VERIFICATION_MODE=MATCH"), run.out());
        assertTrue(run.out().contains("  the sunglasses check is OFF"), run.out());
        assertTrue(run.out().contains("  review band ON: similarity 80 to under 95 is REVIEW_REQUIRED"), run.out());
        assertTrue(run.out().contains("  lockout after 2 failures in 15 minutes (LOCKOUT_FAILURES=2;"), run.out());
        assertTrue(run.out().replaceAll("\\s+", " ").contains("17 images, 18 deliveries: {AUTHORIZED=4, DUPLICATE=1, ENROLLED=3, "
                + "REJECTED=1, REVIEW_REQUIRED=1, UNAUTHORIZED=8} 17 items in " + LocalMain.TABLE), run.both());
        var rows = LocalMainIT.rows(run.out());
        assertEquals(LocalMainIT.VERIFY_DECISIONS, rows.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().decision() + " " + e.getValue().reasons())));
        for (String genuine : List.of(LocalMainIT.GENUINE_1, LocalMainIT.GENUINE_2)) {
            assertTrue(Float.parseFloat(rows.get(genuine).similarity()) >= 95f, genuine + " in\n" + run.out());
        }
        assertEquals("0.0", rows.get(LocalMainIT.IMPOSTOR).similarity(), "one decimal: " + run.out());
        assertEquals("references/hopper/mirrored.jpg", rows.get(LocalMainIT.SECOND_REFERENCE_MATCH).reference(),
                "the second reference decided: " + run.out());
        assertEquals("90.0", rows.get(LocalMainIT.REVIEW_BAND).similarity(), run.out());
        assertEquals("", rows.get("uploads/hopper/transformed-rotate.jpg").reference(), "locked out: compared with none");
        assertTrue(run.out().replaceAll("\\s+", " ").matches(".* recorded review-[0-9a-f]{64}: APPROVED "
                + "\\(REVIEW_REQUIRED\\) by local-reviewer at .*"), "the review, recorded as target/bin/review records it: "
                + run.out());

        var reports = run.out().split("verify finding deliberate tampering", -1);
        assertEquals(2, reports.length, run.out());
        assertTrue(reports[0].contains("signatures valid       18") && reports[0].contains("not yet sealed         2 items\n")
                && reports[0].contains("reviewed               1 (by a person, under a valid review record; 0 awaiting")
                && reports[0].strip().endsWith("RESULT: INTACT"), reports[0]);
        assertEquals(2, run.out().lines().filter(line -> line.startsWith("  commitments            s3://")).count(),
                "both verifies read the commitments: " + run.out());
        String changes = reports[1].replaceAll("\\s+", " ");
        assertTrue(changes.contains("changed references/astronaut.jpg from ENROLLED to AUTHORIZED"), reports[1]);
        assertTrue(changes.contains("and re-signed it with the item key"), reports[1]);
        assertTrue(changes.contains("it restored the seal from the archive"), reports[1]);
        Map<String, Long> problems = reports[1].lines().filter(l -> l.matches("^[A-Z_]+ +[0-9a-f]{64}.*"))
                .collect(Collectors.groupingBy(l -> l.split(" ", -1)[0], Collectors.counting()));
        assertEquals(Map.of("SIGNATURE_INVALID", 2L, "CHANGED_AFTER_SEALING", 2L, "DELETED_AFTER_SEALING", 2L, "NOT_IN_SEAL", 1L,
                "DECISION_DOES_NOT_FOLLOW", 1L, "CHANGED_AFTER_COMMITMENT", 3L, "DELETED_AFTER_COMMITMENT", 2L), problems,
                "the changed, re-signed, deleted, forged and inserted items, the changes also against their commitments: "
                + reports[1]);
        assertTrue(changes.contains("uploads/astronaut/notes.jpg, decided in hour "), reports[1]);
        assertTrue(changes.contains(", not sealed yet, to AUTHORIZED and re-signed it with the item key"), reports[1]);
        Map<String, List<String>> bySubject = reports[1].lines().filter(l -> l.matches("^[A-Z_]+ +[0-9a-f]{64}.*"))
                .collect(Collectors.groupingBy(l -> l.split(" +", -1)[1], Collectors.mapping(l -> l.split(" ", -1)[0],
                        Collectors.toList())));
        assertEquals(1, bySubject.values().stream().filter(List.of("CHANGED_AFTER_COMMITMENT")::equals).count(),
                "the unsealed rewrite, named by its commitment alone: " + reports[1]);
        assertTrue(changes.contains("archived a version-1 seal (ids only) for "), reports[1]);
        assertTrue(changes.contains(", the next hour to seal, with the seal key"), reports[1]);
        assertEquals(1, reports[1].lines().filter(l -> l.startsWith("SEAL_DOWNGRADED ")).count(), reports[1]);
        assertTrue(reports[1].contains("RESULT: 14 PROBLEMS FOUND\n\nnext: target/bin/local --serve"), reports[1]);
        assertTrue(reports[1].contains(LocalDemo.REPORT + " shows this report as a page"), reports[1]);
        String result = reports[1].lines().filter(line -> line.startsWith("RESULT: ")).findFirst().orElseThrow();
        assertTrue(readReport().contains(result), "the page of the tampered copy says " + result);
        assertTrue(run.out().startsWith("starting the local stack on loopback"), "a first line before the models load: "
                + run.out());
        assertEquals(rows.keySet(), run.out().lines().filter(line -> line.startsWith("  judged "))
                .map(line -> line.split(" +", -1)[2]).collect(Collectors.toSet()), "a line per image as it is judged");
        String demoLines = run.out().split("\nevidence in ", -1)[0] + reports[0].substring(reports[0].lastIndexOf("RESULT: "))
                + reports[1].substring(0, reports[1].indexOf("\nevidence in "));
        assertEquals(List.of(), demoLines.lines().filter(line -> line.codePointCount(0, line.length()) > TextWrap.MAX_COLUMNS)
                .toList(), "the demo's own lines fit the columns (verify's own report is its business)");
        assertEquals(List.of(), run.out().lines().filter(line -> line.codePointCount(0, line.length()) >= 120).toList(),
                "every line fits a 120-column terminal");
        assertFalse(run.out().contains("Initializing DynamoDB Local"), "no DynamoDB Local banner: " + run.both());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.both());
    }

    private Run run(String command) {
        var result = ShellCommand.run(PROJECT, List.of("bash", "-c", withLocalPorts(command)), env);
        return new Run(command, result.status(), result.out(), result.err());
    }

    private String withLocalPorts(String text) {
        String replaced = text;
        for (var service : PAGE_PORTS.keySet()) {
            replaced = replaced.replace("127.0.0.1:" + PAGE_PORTS.get(service), "127.0.0.1:" + ports.get(service));
        }
        return replaced;
    }

    private static String oneLine(String command) {
        return command.replaceAll("\\s*\\\\\n\\s*", " ");
    }

    private static JsonNode json(Run run) {
        try {
            return JSON.readTree(run.out());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + run.both(), e);
        }
    }

    private static String free() {
        return Integer.toString(FreePort.pick());
    }
}
