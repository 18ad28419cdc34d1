package com.biometriclogger.local.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.local.facebackend.FixedFaceBackend;
import com.biometriclogger.local.stack.LocalDynamoDb;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.testing.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The local main job's other modes and errors, in-process (the demo itself runs through its launcher: DocCommandsIT). */
class LocalMainIT {

    @TempDir
    Path dataDir;

    static final String GENUINE_1 = "uploads/astronaut/transformed-mirror.jpg";
    static final String GENUINE_2 = "uploads/astronaut/transformed-rotate.jpg";
    static final String IMPOSTOR = "uploads/astronaut/grace_hopper.jpg";
    /** Its first reference's comparison is fixed below the threshold, so the second reference decides. */
    static final String SECOND_REFERENCE_MATCH = "uploads/hopper/fixed-first-miss.jpg";
    /** Its comparison is fixed at 90, in the local profile's review band. */
    static final String REVIEW_BAND = "uploads/astronaut/fixed-similarity.jpg";

    /** Decision and reasons of each upload of the VERIFY demo. */
    static final Map<String, String> VERIFY_DECISIONS = Map.ofEntries(
            Map.entry("references/astronaut.jpg", "ENROLLED "),
            Map.entry("references/hopper.jpg", "ENROLLED "),
            Map.entry("references/hopper/mirrored.jpg", "ENROLLED "),
            Map.entry(GENUINE_1, "AUTHORIZED "),
            Map.entry(GENUINE_2, "AUTHORIZED "),
            Map.entry("uploads/hopper/transformed-grey.jpg", "AUTHORIZED "),
            Map.entry(SECOND_REFERENCE_MATCH, "AUTHORIZED "),
            Map.entry(REVIEW_BAND, "REVIEW_REQUIRED NEAR_MATCH"),
            Map.entry(IMPOSTOR, "UNAUTHORIZED NO_MATCH"),
            Map.entry("uploads/carol/transformed-half-size.jpg", "UNAUTHORIZED NOT_ENROLLED"),
            Map.entry("uploads/hopper/astronaut.jpg", "UNAUTHORIZED NO_MATCH"),
            Map.entry("uploads/hopper/astronaut-grey.jpg", "UNAUTHORIZED NO_MATCH"),
            Map.entry("uploads/hopper/transformed-rotate.jpg", "UNAUTHORIZED LOCKED_OUT"),
            Map.entry("uploads/astronaut/camera.jpg", "UNAUTHORIZED POSE_OUT_OF_RANGE,EYES_CLOSED"),
            Map.entry("uploads/astronaut/coffee.jpg", "UNAUTHORIZED NO_FACE"),
            Map.entry("uploads/astronaut/chelsea.jpg", "UNAUTHORIZED NO_FACE"),
            Map.entry("uploads/astronaut/notes.jpg", "REJECTED UNSUPPORTED_FORMAT"));

    /** @param reference the reference it was compared with, empty when it was compared with none */
    record Row(String decision, String reasons, String similarity, String reference) {
    }

    /**
     * The printed audit table's rows by object key (objectKey, decision, reasons?, similarity?, attemptId),
     * each further reason on a line of its own below its row, the first of those lines naming the reference.
     */
    static Map<String, Row> rows(String output) {
        Map<String, Row> rows = new java.util.TreeMap<>();
        String last = "";
        for (String line : output.lines().dropWhile(line -> !line.startsWith("objectKey "))
                .takeWhile(line -> !line.contains(" deliveries: ")).toList()) {
            String[] t = line.trim().split("\\s+", -1);
            if (line.startsWith("references/") || line.startsWith("uploads/")) {
                int i = 2;
                String reasons = t[i].matches("[A-Z_]+") ? t[i++] : "";
                String similarity = t[i].matches("\\d+\\.\\d") ? t[i] : "";
                rows.put(t[0], new Row(t[1], reasons, similarity, ""));
                last = t[0];
            } else if (line.startsWith(AuditTablePrinter.REFERENCE_MARK) && rows.containsKey(last)) {
                var row = rows.get(last);
                rows.put(last, new Row(row.decision(), t.length > 2 ? row.reasons() + "," + t[2] : row.reasons(),
                        row.similarity(), t[1]));
            } else if (line.startsWith(" ") && rows.containsKey(last)) {
                var row = rows.get(last);
                rows.put(last, new Row(row.decision(), row.reasons() + "," + t[0], row.similarity(), row.reference()));
            }
        }
        return rows;
    }

    @Test
    void detectOnlyJudgesEverySampleWithoutEnrolment() {
        var run = run("--detect-only");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("identity matching is OFF (VERIFICATION_MODE=DETECT_ONLY)"), run.out());
        assertRow(run.out(), "uploads/demo/astronaut.jpg", "AUTHORIZED");
        assertRow(run.out(), "uploads/demo/grace_hopper.jpg", "AUTHORIZED");
        assertRow(run.out(), "uploads/demo/camera.jpg", "UNAUTHORIZED  POSE_OUT_OF_RANGE,EYES_CLOSED");
        assertRow(run.out(), "uploads/demo/chelsea.jpg", "UNAUTHORIZED  NO_FACE");
        assertRow(run.out(), "uploads/demo/notes.jpg", "REJECTED      UNSUPPORTED_FORMAT");
        assertTrue(run.out().contains("6 images, 7 deliveries: {AUTHORIZED=2, DUPLICATE=1, REJECTED=1, UNAUTHORIZED=3}"),
                run.out());
    }

    @Test
    void aDataDirRunKeepsTheSignedTableAndItsReferenceLinks() throws Exception {
        var run = run("--data-dir", dataDir.toString());

        assertEquals(0, run.status(), run.err());
        // 17 decisions and the record of the review the demo recorded.
        assertTrue(run.out().contains("signatures valid       18"), run.out());
        assertTrue(run.out().contains("not yet sealed         18 items"), "a data dir seals finished hours only: " + run.out());
        assertTrue(run.out().contains("reviewed               1 (by a person"), run.out());
        assertTrue(run.out().contains("RESULT: INTACT\n\nnext: "), "the last line says what to try next: " + run.out());

        var items = storedItems().stream().filter(item -> item.containsKey("objectKey")).toList();
        assertEquals(VERIFY_DECISIONS, items.stream().collect(Collectors.toMap(
                item -> item.get("objectKey"), item -> item.get("decision") + " " + item.get("reasons"))));
        var genuine = items.stream().filter(i -> i.get("objectKey").equals(GENUINE_2)).findFirst().orElseThrow();
        assertEquals("astronaut", genuine.get("subjectId"));
        assertEquals("references/astronaut.jpg", genuine.get("referenceKey"));
        assertEquals("608de74f5f29e464d80cbeeb885fb03b9cb10b7c98623a4a57e8d808cd5e3b26", genuine.get("referenceSha256"));
        assertTrue(Float.parseFloat(genuine.get("similarity")) >= 95f, genuine.toString());
        assertTrue(genuine.get("policy").contains("maxYaw=45;maxPitch=45;maxRoll=45"), genuine.get("policy"));
        var second = items.stream().filter(i -> i.get("objectKey").equals(SECOND_REFERENCE_MATCH)).findFirst().orElseThrow();
        assertEquals("references/hopper/mirrored.jpg", second.get("referenceKey"), second.toString());
    }

    @Test
    void aSecondRunOnTheSameDataDirKeepsTheItemsAndRecordsTheSameBytesOnce() {
        assertEquals(0, run("--data-dir", dataDir.toString()).status());
        var second = run("--data-dir", dataDir.toString());

        // The bucket on disk is unversioned: the same bytes under the same key are the same object
        // state (same eTag), so the second run's uploads are duplicates of the first run's.
        assertEquals(0, second.status(), second.err());
        assertTrue(second.out().contains("18 items in " + LocalMain.TABLE), second.out());
        assertTrue(second.out().contains("signatures valid       18"), second.out());
        assertTrue(second.out().contains("none awaits review: each REVIEW_REQUIRED decision has its review record"),
                "the first run's review stands, none is recorded twice: " + second.out());
    }

    @Test
    void anUnusableDataDirIsAOneLineErrorAndNothingStarts() throws Exception {
        Path file = Files.writeString(dataDir.resolve("a-file"), "not a directory");

        var run = run("--data-dir", file.toString());

        assertEquals(1, run.status());
        assertTrue(run.err().startsWith("error: cannot use --data-dir " + file), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertEquals("", run.out());
    }

    @Test
    void anUnknownArgumentPrintsUsage() {
        var run = run("--serv");

        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("error: unknown argument --serv"), run.err());
        assertTrue(run.err().contains("usage: target/bin/local"), run.err());
    }

    @Test
    void aSecondStackOnADataDirInUseStopsWithOneLineAndLeavesTheFirstAlone() throws Exception {
        Files.createDirectories(dataDir.resolve("s3"));
        Files.createDirectories(dataDir.resolve("dynamodb"));
        try (var first = LocalStack.start(new FixedFaceBackend(), LocalStack.Ports.ANY, dataDir)) {
            var second = run("--data-dir", dataDir.toString());

            assertEquals(1, second.status());
            assertTrue(second.err().startsWith("error: --data-dir " + dataDir + " is in use by another local stack (process "
                    + ProcessHandle.current().pid() + ")"), second.err());
            assertEquals(1, second.err().strip().lines().count(), second.err());
            assertEquals(List.of(), first.dynamoDb().listTables().tableNames(), "the first stack still answers");
        }
    }

    @Test
    void helpIsTheUsageOnStdoutWithExitZero() {
        var run = run("--help");

        assertEquals(0, run.status());
        assertTrue(run.out().startsWith("usage: target/bin/local"), run.out());
        assertEquals("", run.err());
    }

    /**
     * Under {@code exec:java} the project's classes are not on the system class loader, where
     * {@code EventLoader} looks: invoke loaded from another class loader must still read the event.
     */
    @Test
    void invokeReadsEventsWhenLoadedByAClassLoaderOtherThanTheSystemOne() throws Exception {
        try (var stack = LocalStack.start(new FixedFaceBackend());
             var isolated = new URLClassLoader(classPath(), ClassLoader.getPlatformClassLoader())) {
            Class<?> main = isolated.loadClass(LocalMain.class.getName());
            assertTrue(main != LocalMain.class, "a second copy of the classes, as exec:java's class realm holds them");
            Method run = main.getDeclaredMethod("run", String[].class, Map.class, PrintStream.class, PrintStream.class);
            run.setAccessible(true);
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();

            int status = (int) run.invoke(null, new String[] {"invoke", "-e", "events/outside-prefix.json", "--bucket", "local"},
                    stack.functionEnvironment("local", "invoke-audit"), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"outcome\" : \"SKIPPED\""), out.toString(StandardCharsets.UTF_8));
        }
    }

    private static URL[] classPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator, -1)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        return urls.toArray(URL[]::new);
    }

    @Test
    void invokeWithoutAnEventFileIsAUsageError() {
        var run = run("invoke");

        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("error: invoke needs -e EVENT.json"), run.err());
    }

    private List<Map<String, String>> storedItems() {
        try (var dynamo = LocalDynamoDb.start(0, dataDir.resolve("dynamodb"));
             var client = DynamoDbClient.builder().region(Region.US_EAST_1).credentialsProvider(LocalStack.credentials())
                     .httpClient(UrlConnectionHttpClient.create()).endpointOverride(dynamo.endpoint()).build()) {
            return client.scanPaginator(b -> b.tableName(LocalMain.TABLE)).items().stream().map(Scenario::asStrings).toList();
        }
    }

    private static void assertRow(String output, String key, String decisionAndReasons) {
        var row = rows(output).get(key);
        assertEquals(decisionAndReasons.replaceAll("\\s+", " "),
                row == null ? "no row" : (row.decision() + " " + row.reasons()).strip(), key + " in\n" + output);
    }

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = LocalMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
