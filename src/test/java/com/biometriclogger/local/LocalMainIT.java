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
        var verifyReports = run.out().split("A tampered copy");
        assertTrue(verifyReports[0].contains("signatures valid       5") && verifyReports[0].contains("RESULT: INTACT"),
                verifyReports[0]);
        assertTrue(verifyReports[1].contains("SIGNATURE_INVALID") && verifyReports[1].contains("DELETED_AFTER_SEALING")
                && verifyReports[1].contains("NOT_IN_SEAL") && verifyReports[1].contains("RESULT: 4 PROBLEM(S) FOUND"),
                verifyReports[1]);
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
    void aSecondRunOnTheSameDataDirAddsTheNewVersionsAndKeepsTheOldItems() {
        assertEquals(0, run("--data-dir", dataDir.toString()).status());
        var second = run("--data-dir", dataDir.toString());

        assertEquals(0, second.status(), second.err());
        assertTrue(second.out().contains("10 items in " + LocalMain.TABLE), second.out());
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
