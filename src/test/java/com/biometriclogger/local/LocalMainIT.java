package com.biometriclogger.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.testing.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The local main job run exactly as the README's command runs it, in-process. */
class LocalMainIT {

    @TempDir
    Path dataDir;

    @Test
    void theDemoEnrolsReferencesShowsEveryVerifyOutcomeAndNamesEveryTamperingOfACopy() {
        var run = run();

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("local profile: the sunglasses check is OFF"), run.out());
        assertTrue(run.out().contains("identity verification is ON (VERIFICATION_MODE=VERIFY"), run.out());
        assertTrue(run.out().contains("11 images, 12 deliveries: {AUTHORIZED=3, DUPLICATE=1, ENROLLED=2, REJECTED=1, "
                + "UNAUTHORIZED=5}; 11 items in " + LocalMain.TABLE), run.out());
        assertEquals(VERIFY_DECISIONS, rows(run.out()).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().decision() + " " + e.getValue().reasons())));
        for (String genuine : List.of(GENUINE_1, GENUINE_2)) {
            assertTrue(Float.parseFloat(rows(run.out()).get(genuine).similarity()) >= 95f, genuine + " in\n" + run.out());
        }
        assertTrue(Float.parseFloat(rows(run.out()).get(IMPOSTOR).similarity()) < 5f, run.out());

        var reports = run.out().split("A tampered copy");
        assertEquals(2, reports.length, run.out());
        assertTrue(reports[0].contains("signatures valid       11") && reports[0].contains("not yet sealed         0 items")
                && reports[0].contains("RESULT: INTACT"), reports[0]);
        assertTrue(reports[1].contains("changed references/astronaut.jpg from ENROLLED to AUTHORIZED"), reports[1]);
        assertTrue(reports[1].contains("and re-signed it with the item key"), reports[1]);
        assertTrue(reports[1].contains("it restored the seal from the archive"), reports[1]);
        assertEquals(2, reports[1].lines().filter(l -> l.startsWith("SIGNATURE_INVALID")).count(), reports[1]);
        assertEquals(2, reports[1].lines().filter(l -> l.startsWith("CHANGED_AFTER_SEALING")).count(),
                "the changed and the changed-and-re-signed decision: " + reports[1]);
        assertEquals(2, reports[1].lines().filter(l -> l.startsWith("DELETED_AFTER_SEALING")).count(),
                "the deleted decision and the one deleted with its seal: " + reports[1]);
        assertEquals(1, reports[1].lines().filter(l -> l.startsWith("NOT_IN_SEAL")).count(), reports[1]);
        assertEquals(1, reports[1].lines().filter(l -> l.startsWith("DECISION_DOES_NOT_FOLLOW")).count(), reports[1]);
        assertTrue(reports[1].strip().endsWith("RESULT: 8 PROBLEM(S) FOUND"), reports[1]);
    }

    private static final String GENUINE_1 = "uploads/astronaut/transformed-mirrored-brightness-1.3-JPEG-0.5.jpg";
    private static final String GENUINE_2 = "uploads/astronaut/transformed-rotated-8-80-size-darker-JPEG-0.4.jpg";
    private static final String IMPOSTOR = "uploads/astronaut/grace_hopper.jpg";

    /** Decision and reasons of each upload of the VERIFY demo. */
    private static final Map<String, String> VERIFY_DECISIONS = Map.ofEntries(
            Map.entry("references/astronaut.jpg", "ENROLLED "),
            Map.entry("references/hopper.jpg", "ENROLLED "),
            Map.entry(GENUINE_1, "AUTHORIZED "),
            Map.entry(GENUINE_2, "AUTHORIZED "),
            Map.entry("uploads/hopper/transformed-grey-level.jpg", "AUTHORIZED "),
            Map.entry(IMPOSTOR, "UNAUTHORIZED NO_MATCH"),
            Map.entry("uploads/carol/transformed-half-size.jpg", "UNAUTHORIZED NOT_ENROLLED"),
            Map.entry("uploads/astronaut/camera.jpg", "UNAUTHORIZED POSE_OUT_OF_RANGE,EYES_CLOSED"),
            Map.entry("uploads/astronaut/coffee.jpg", "UNAUTHORIZED NO_FACE"),
            Map.entry("uploads/astronaut/chelsea.jpg", "UNAUTHORIZED NO_FACE"),
            Map.entry("uploads/astronaut/notes.jpg", "REJECTED UNSUPPORTED_FORMAT"));

    record Row(String decision, String reasons, String similarity) {
    }

    /** The printed audit table's rows by object key (decidedAt, objectKey, versionId, decision, reasons?, similarity?, …). */
    private static Map<String, Row> rows(String output) {
        Map<String, Row> rows = new java.util.TreeMap<>();
        output.lines().takeWhile(line -> !line.contains(" deliveries: ")).filter(line -> line.matches("^\\d{4}-.*"))
                .forEach(line -> {
                    String[] t = line.trim().split("\\s+");
                    int i = 4;
                    String reasons = t[i].matches("[A-Z_,]+") ? t[i++] : "";
                    String similarity = t[i].contains(".") ? t[i] : "";
                    rows.put(t[1], new Row(t[3], reasons, similarity));
                });
        return rows;
    }

    @Test
    void detectOnlyJudgesEverySampleWithoutEnrolment() {
        var run = run("--detect-only");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("identity verification is OFF (VERIFICATION_MODE=DETECT_ONLY)"), run.out());
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
        assertTrue(run.out().contains("signatures valid       11"), run.out());
        assertTrue(run.out().contains("not yet sealed         11 items"), "a data dir seals finished hours only: " + run.out());
        assertTrue(run.out().strip().endsWith("RESULT: INTACT"), run.out());

        var items = storedItems();
        assertEquals(VERIFY_DECISIONS, items.stream().collect(Collectors.toMap(
                item -> item.get("objectKey"), item -> item.get("decision") + " " + item.get("reasons"))));
        var genuine = items.stream().filter(i -> i.get("objectKey").equals(GENUINE_2)).findFirst().orElseThrow();
        assertEquals("astronaut", genuine.get("subjectId"));
        assertEquals("references/astronaut.jpg", genuine.get("referenceKey"));
        assertEquals("608de74f5f29e464d80cbeeb885fb03b9cb10b7c98623a4a57e8d808cd5e3b26", genuine.get("referenceSha256"));
        assertTrue(Float.parseFloat(genuine.get("similarity")) >= 95f, genuine.toString());
        assertTrue(genuine.get("policy").contains("maxYaw=45;maxPitch=45;maxRoll=45"), genuine.get("policy"));
    }

    @Test
    void aSecondRunOnTheSameDataDirKeepsTheItemsAndRecordsTheSameBytesOnce() {
        assertEquals(0, run("--data-dir", dataDir.toString()).status());
        var second = run("--data-dir", dataDir.toString());

        // The bucket on disk is unversioned: the same bytes under the same key are the same object
        // state (same eTag), so the second run's uploads are duplicates of the first run's.
        assertEquals(0, second.status(), second.err());
        assertTrue(second.out().contains("11 items in " + LocalMain.TABLE), second.out());
        assertTrue(second.out().contains("signatures valid       11"), second.out());
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
        assertTrue(run.err().contains("usage: LocalMain"), run.err());
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
        assertTrue(output.lines().anyMatch(line -> line.contains(key) && line.contains(decisionAndReasons)),
                key + " " + decisionAndReasons + " in\n" + output);
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
