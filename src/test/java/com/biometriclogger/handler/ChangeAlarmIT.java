package com.biometriclogger.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.cli.EraseCommand;
import com.biometriclogger.decision.ErasureRecord;
import com.biometriclogger.evidence.SealPeriod;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.LocalEvidence;
import com.biometriclogger.local.stack.LocalSns;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.local.stack.StreamPoller;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.RequiredTools;
import com.biometriclogger.testing.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The change-alarm function as Lambda runs it, fed from DynamoDB Local's streams: each change made
 * by hand, as someone with table access would make it, raises one alert naming the item; the
 * system's own writes raise none.
 */
@ExtendWith(LocalStackExtension.class)
class ChangeAlarmIT {

    private static final Map<String, String> UPDATE = Map.of(
            "update-expression", "SET decision = :d, reasons = :r",
            "expression-attribute-values", "{\":d\":{\"S\":\"AUTHORIZED\"},\":r\":{\"S\":\"\"}}");

    @Test
    void anUpdateAndADeleteWithAwscliEachRaiseExactlyOneAlertAndOurOwnWritesNone(Scenario scenario) throws Exception {
        var poller = poller(scenario);
        // Refused (no face), then turned into AUTHORIZED by hand: docs/evidence.md's tamper step.
        String door = decide(scenario, "uploads/door/1.jpg", 1201, "no-face.json");
        String hall = decide(scenario, "uploads/hall/1.jpg", 1202);
        LocalEvidence.sealer(scenario.stack(), scenario.table(), Clock.systemUTC()).sealThrough(Instant.now().plus(Duration.ofHours(1)));

        assertEquals(3, pollFor(poller, 3), "two decisions and one seal reach the function");
        assertEquals(List.of(), scenario.stack().sns().drain(), "the function's and the sealer's writes raise nothing");

        awscli("update-item", scenario, door, UPDATE);
        pollFor(poller, 1);
        var modified = scenario.stack().sns().drain();
        awscli("delete-item", scenario, hall, Map.of());
        pollFor(poller, 1);
        var removed = scenario.stack().sns().drain();

        assertEquals(1, modified.size(), modified.toString());
        assertEquals("UNEXPECTED_MODIFY of audit item " + door, modified.get(0).subject());
        assertTrue(modified.get(0).message().contains("changed attributes: decision, reasons."), modified.get(0).message());
        assertEquals(Map.of("verdict", "UNEXPECTED_MODIFY"), modified.get(0).attributes());
        assertEquals(LocalSns.TOPIC_ARN, modified.get(0).topicArn());
        assertEquals(1, removed.size(), removed.toString());
        assertEquals("UNEXPECTED_REMOVE of audit item " + hall, removed.get(0).subject());
        assertTrue(removed.get(0).message().contains("no erasure record covers it"), removed.get(0).message());
    }

    /** The erase command's own run (records first, then the items), and a record that names other content. */
    @Test
    void anEraseCommandRunIsAnnouncedAsLawfulErasureAndARecordNamingOtherContentIsNot(Scenario scenario) throws Exception {
        var poller = poller(scenario);
        // Decided two hours ago and sealed: the erase command erases sealed hours only.
        var earlier = Wiring.Seams.NONE.withClock(Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC));
        var handler = DecisionHandler.fromEnvironment(scenario.environment(), earlier);
        String erased = decide(scenario, handler, "uploads/erin/1.jpg", 1203);
        String forged = decide(scenario, handler, "uploads/fred/1.jpg", 1204);
        LocalEvidence.sealer(scenario.stack(), scenario.table(), Clock.systemUTC()).sealThrough(Instant.now());
        var dynamoDb = scenario.stack().dynamoDb();
        dynamoDb.putItem(b -> b.tableName(scenario.table()).item(Map.of(
                "attemptId", AttributeValue.fromS(ErasureRecord.idFor(forged)),
                "kind", AttributeValue.fromS(ErasureRecord.KIND),
                "erasedAttemptId", AttributeValue.fromS(forged),
                "erasedDigest", AttributeValue.fromS("0".repeat(64)))));
        poller.poll();
        scenario.stack().sns().drain();

        var err = new ByteArrayOutputStream();
        int status = EraseCommand.run(LocalEvidence.eraseArguments(scenario.table(), scenario.bucket(), "erin", "REQ-2026-0042")
                .toArray(String[]::new), scenario.environment(), new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        dynamoDb.deleteItem(b -> b.tableName(scenario.table()).key(Map.of("attemptId", AttributeValue.fromS(forged))));
        pollFor(poller, 3);
        var alerts = scenario.stack().sns().drain();

        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals(2, alerts.size(), alerts.toString());
        assertEquals("LAWFUL_ERASURE of audit item " + erased, alerts.get(0).subject());
        assertTrue(alerts.get(0).message().contains("lawful erasure (request REQ-2026-0042, basis GDPR art. 17(1)(b), by "),
                alerts.get(0).message());
        assertEquals("UNEXPECTED_REMOVE of audit item " + forged, alerts.get(1).subject(),
                "an erasure record naming other content does not cover the deletion");
    }

    @Test
    void aDeletedSealRaisesAnAlertAndTheSealersRestorationNone(Scenario scenario) throws Exception {
        var poller = poller(scenario);
        decide(scenario, "uploads/sam/1.jpg", 1205);
        String period = SealPeriod.containing(Instant.now()).toString();
        var sealer = LocalEvidence.sealer(scenario.stack(), scenario.table(), Clock.systemUTC());
        sealer.sealThrough(Instant.now().plus(Duration.ofHours(1)));
        pollFor(poller, 2);
        String sealTable = LocalStack.sealTableName(scenario.table());

        scenario.stack().dynamoDb().deleteItem(b -> b.tableName(sealTable)
                .key(Map.of("sealId", AttributeValue.fromS(period + "#0"))));
        pollFor(poller, 1);
        var deleted = scenario.stack().sns().drain();
        var report = sealer.sealThrough(Instant.now().plus(Duration.ofHours(1)));
        pollFor(poller, 1);

        assertEquals(1, deleted.size(), deleted.toString());
        assertEquals("UNEXPECTED_REMOVE of seal " + period + "#0", deleted.get(0).subject());
        assertEquals(List.of(period), report.restored(), "the sealer writes the seal back from the archive");
        assertEquals(List.of(), scenario.stack().sns().drain(), "its restoration is an INSERT, no alert (the sealer logs SEAL_RESTORED)");
    }

    private static StreamPoller poller(Scenario scenario) {
        var stack = scenario.stack();
        stack.sns().drain();
        return new StreamPoller(stack.dynamoDb(), stack.dynamoDbStreams(), ChangeAlarmHandler.fromEnvironment(scenario.environment()),
                List.of(scenario.table(), LocalStack.sealTableName(scenario.table())));
    }

    /** Polls until {@code records} stream records reached the function (DynamoDB Local publishes them within moments). */
    private static int pollFor(StreamPoller poller, int records) throws InterruptedException {
        int delivered = 0;
        for (int attempt = 0; attempt < 100 && delivered < records; attempt++) {
            delivered += poller.poll();
            if (delivered < records) {
                Thread.sleep(50);
            }
        }
        assertEquals(records, delivered, "stream records delivered");
        return delivered;
    }

    private static String decide(Scenario scenario, String key, int seed) {
        return decide(scenario, key, seed, "one-clear-face.json");
    }

    private static String decide(Scenario scenario, String key, int seed, String recording) {
        return decide(scenario, scenario.handler(), key, seed, recording);
    }

    private static String decide(Scenario scenario, DecisionHandler handler, String key, int seed) {
        return decide(scenario, handler, key, seed, "one-clear-face.json");
    }

    private static String decide(Scenario scenario, DecisionHandler handler, String key, int seed, String recording) {
        byte[] image = TestImages.jpeg(seed);
        scenario.faces().respond(image, recording);
        Scenario.invoke(handler, S3Events.event(scenario.upload(key, image)));
        return scenario.auditItems().stream().filter(item -> item.get("objectKey").s().equals(key)).findFirst()
                .orElseThrow().get("attemptId").s();
    }

    /** The attacker's own tool: awscli with table write access, against the local endpoint. */
    private static void awscli(String command, Scenario scenario, String attemptId, Map<String, String> options)
            throws IOException, InterruptedException {
        RequiredTools.requireOnPath("aws", "the awscli (Debian package awscli) to edit the table as an insider would");
        List<String> args = new ArrayList<>(List.of("aws", "dynamodb", command, "--table-name", scenario.table(),
                "--endpoint-url", scenario.stack().dynamoDbEndpoint().toString(),
                "--key", "{\"attemptId\":{\"S\":\"" + attemptId + "\"}}"));
        options.forEach((option, value) -> args.addAll(List.of("--" + option, value)));
        var builder = new ProcessBuilder(args).redirectErrorStream(true);
        builder.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", LocalStack.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", LocalStack.SECRET_KEY,
                "AWS_DEFAULT_REGION", LocalStack.REGION));
        var process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "aws " + command + " did not finish");
        assertEquals(0, process.exitValue(), output);
    }
}
