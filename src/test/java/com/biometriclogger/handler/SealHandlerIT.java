package com.biometriclogger.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.aws.DynamoDbSealStore;
import com.biometriclogger.config.ConfigurationException;
import com.biometriclogger.config.SealSettings;
import com.biometriclogger.decision.ReviewRecord;
import com.biometriclogger.evidence.CanonicalForm;
import com.biometriclogger.evidence.SealPeriod;
import com.biometriclogger.evidence.SealRecord;
import com.biometriclogger.evidence.Sealer;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.LocalContext;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.LogCapture;
import com.biometriclogger.testing.Scenario;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The hourly seal function as Lambda runs it: wired from its environment, against the local stack. */
@ExtendWith(LocalStackExtension.class)
class SealHandlerIT {

    @Test
    void aScheduledRunSealsTheFinishedHoursAndASecondRunSealsNothingNew(Scenario scenario) throws IOException {
        byte[] selfie = TestImages.jpeg(921);
        scenario.faces().respond(selfie, "one-clear-face.json");
        scenario.invoke(S3Events.event(scenario.upload("uploads/alice/selfie.jpg", selfie)));
        String decidedIn = scenario.onlyAuditItem().get("sealPeriod");
        // An hour and a grace period later, as the schedule would run.
        var later = Clock.fixed(SealPeriod.parse(decidedIn).end().plus(Sealer.GRACE), ZoneOffset.UTC);
        var settings = SealSettings.fromEnvironment(scenario.environment());
        var handler = new SealHandler(Wiring.sealFunction(settings, later));

        var first = handler.handleRequest(scheduledEvent(), new LocalContext("seal-1"));
        var second = handler.handleRequest(scheduledEvent(), new LocalContext("seal-2"));

        assertEquals(List.of(decidedIn), first.sealedPeriods(), "the genesis seal, over the hour with the decision");
        assertEquals(1, first.itemsSealed());
        assertEquals(0, second.sealedPeriods().size());
        var seal = scenario.stack().dynamoDb().getItem(b -> b.tableName(LocalStack.sealTableName(scenario.table()))
                .key(Map.of(DynamoDbSealStore.PARTITION_KEY,
                        AttributeValue.fromS(decidedIn + "#0")))).item();
        assertEquals(scenario.onlyAuditItem().get("attemptId") + ":" + CanonicalForm.digest(scenario.onlyAuditItem()),
                seal.get(SealRecord.LEAVES).s());
        var archived = scenario.stack().s3().getObjectAsBytes(b -> b.bucket(LocalStack.SEAL_ARCHIVE_BUCKET)
                .key(LocalStack.sealArchivePrefix(scenario.table()) + decidedIn + ".jsonl")).asUtf8String();
        assertEquals(CanonicalForm.json(Scenario.asStrings(seal)) + "\n", archived, "archived first, exactly as stored");
    }

    /** With a review band: the run after the age has passed logs the decision still waiting, not the one reviewed. */
    @Test
    void aRunLogsEachDecisionWaitingForAReviewLongerThanTheAgeOnce(Scenario scenario) throws IOException {
        var handler = scenario.handler(Map.of("VERIFICATION_MODE", "MATCH", "MIN_SIMILARITY", "95", "REVIEW_SIMILARITY", "90"));
        scenario.decideMatching(handler, "references/alice.jpg", 931);
        List<String> nearMatches = new ArrayList<>();
        for (long seed : new long[] {932, 933}) {
            byte[] selfie = TestImages.jpeg(seed);
            scenario.faces().respond(selfie, "one-clear-face.json");
            scenario.faces().respondToComparison(selfie, "compare-just-below-threshold.json");
            String key = "uploads/alice/" + seed + ".jpg";
            Scenario.invoke(handler, S3Events.event(scenario.upload(key, selfie)));
            nearMatches.add(scenario.auditItems().stream().map(Scenario::asStrings).filter(item -> item.get("objectKey").equals(key))
                    .findFirst().orElseThrow().get("attemptId"));
        }
        scenario.stack().dynamoDb().putItem(b -> b.tableName(scenario.table()).item(Map.of(
                "attemptId", AttributeValue.fromS(ReviewRecord.idFor(nearMatches.get(1))), "kind", AttributeValue.fromS("REVIEW"))));
        String decidedIn = scenario.auditItems().stream().map(Scenario::asStrings)
                .filter(item -> item.get("attemptId").equals(nearMatches.get(0))).findFirst().orElseThrow().get("sealPeriod");
        var env = new HashMap<>(scenario.environment());
        env.put("REVIEW_OVERDUE_HOURS", "1");
        var anHourAfter = Clock.fixed(SealPeriod.parse(decidedIn).next().end().plus(Sealer.GRACE), ZoneOffset.UTC);
        var event = scheduledEvent();

        String logs = LogCapture.productionLogsOf(() -> SealHandler.fromEnvironment(env, anHourAfter)
                .handleRequest(event, new LocalContext("seal-1")));

        var overdue = logs.lines().filter(line -> line.contains("\"alert\":\"REVIEW_OVERDUE\"")).toList();
        assertEquals(1, overdue.size(), logs);
        assertTrue(overdue.get(0).contains("\"attemptId\":\"" + nearMatches.get(0) + "\""), logs);
    }

    /** The sample event a user passes to {@code sam local invoke SealFunction -e}, read as Lambda reads it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> scheduledEvent() throws IOException {
        return new ObjectMapper().readValue(Files.readString(Path.of("events/hourly-seal.json")), Map.class);
    }

    @Test
    void aMissingSealTableFailsTheColdStartNamingTheVariable(Scenario scenario) {
        var env = new HashMap<>(scenario.environment());
        env.remove("SEAL_TABLE_NAME");

        var error = assertThrows(ConfigurationException.class, () -> SealSettings.fromEnvironment(env));

        assertEquals("Invalid configuration: SEAL_TABLE_NAME is required but not set", error.getMessage());
    }
}
