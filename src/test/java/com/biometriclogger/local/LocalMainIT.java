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
    void theDemoJudgesEverySampleOnceAndKeepsTheTableInTheDataDir() throws Exception {
        var run = run("--data-dir", dataDir.toString());

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("local profile: yaw, pitch, eyes-open and sunglasses checks are OFF"), run.out());
        assertRow(run.out(), "uploads/demo/astronaut.jpg", "AUTHORIZED");
        assertRow(run.out(), "uploads/demo/camera.jpg", "UNAUTHORIZED  LOW_CONFIDENCE");
        assertRow(run.out(), "uploads/demo/coffee.jpg", "UNAUTHORIZED  NO_FACE");
        assertRow(run.out(), "uploads/demo/chelsea.jpg", "UNAUTHORIZED  NO_FACE");
        assertRow(run.out(), "uploads/demo/notes.jpg", "REJECTED      UNSUPPORTED_FORMAT");
        assertTrue(run.out().contains("signatures valid       5"), run.out());
        assertTrue(run.out().contains("not yet sealed         5 items"), "a data dir seals finished hours only: " + run.out());
        assertTrue(run.out().strip().endsWith("RESULT: INTACT"), run.out());
        assertTrue(run.out().contains(
                "5 images, 6 deliveries: {AUTHORIZED=1, DUPLICATE=1, REJECTED=1, UNAUTHORIZED=3}; 5 items in "
                        + LocalMain.TABLE), run.out());

        var items = storedItems();
        assertEquals(5, items.size());
        Map<String, String> decisions = items.stream().collect(Collectors.toMap(
                item -> item.get("objectKey"), item -> item.get("decision") + " " + item.get("reasons")));
        assertEquals(Map.of(
                "uploads/demo/astronaut.jpg", "AUTHORIZED ",
                "uploads/demo/camera.jpg", "UNAUTHORIZED LOW_CONFIDENCE",
                "uploads/demo/coffee.jpg", "UNAUTHORIZED NO_FACE",
                "uploads/demo/chelsea.jpg", "UNAUTHORIZED NO_FACE",
                "uploads/demo/notes.jpg", "REJECTED UNSUPPORTED_FORMAT"), decisions);
        var astronaut = items.stream().filter(i -> i.get("objectKey").endsWith("astronaut.jpg")).findFirst().orElseThrow();
        assertEquals("608de74f5f29e464d80cbeeb885fb03b9cb10b7c98623a4a57e8d808cd5e3b26", astronaut.get("sha256"));
        assertTrue(astronaut.get("policy").contains("maxYaw=180;maxPitch=180;maxRoll=45"), astronaut.get("policy"));
    }

    @Test
    void theInMemoryDemoVerifiesItsSealedTableAndNamesEveryTamperingOfACopy() {
        var run = run();

        assertEquals(0, run.status(), run.err());
        var reports = run.out().split("A tampered copy");
        assertEquals(2, reports.length, run.out());
        assertTrue(reports[0].contains("signatures valid       5") && reports[0].contains("not yet sealed         0 items")
                && reports[0].contains("RESULT: INTACT"), reports[0]);
        assertTrue(reports[1].contains("changed uploads/demo/camera.jpg from UNAUTHORIZED to AUTHORIZED"), reports[1]);
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

    @Test
    void aSecondRunOnTheSameDataDirKeepsTheItemsAndRecordsTheSameBytesOnce() {
        assertEquals(0, run("--data-dir", dataDir.toString()).status());
        var second = run("--data-dir", dataDir.toString());

        // The bucket on disk is unversioned: the same bytes under the same key are the same object
        // state (same eTag), so the second run's uploads are duplicates of the first run's.
        assertEquals(0, second.status(), second.err());
        assertTrue(second.out().contains("5 items in " + LocalMain.TABLE), second.out());
        assertTrue(second.out().contains("signatures valid       5"), second.out());
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
