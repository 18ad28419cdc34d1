package com.biometriclogger.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.Lockout;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.AuditTable;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.Scenario;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A stack deployed before the lockout: its table has only the seal-period index and its reference was enrolled
 * then. After the update adds the failures index (as CloudFormation does), the same references decide as before;
 * with LOCKOUT_FAILURES=0 the items are exactly what the earlier version wrote.
 */
@ExtendWith(LocalStackExtension.class)
class LockoutUpgradeIT {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private Scenario scenario;
    private String table;
    private long seed = 9800;

    @Test
    void anExistingTableAndItsReferencesKeepDecidingAsBeforeOnceTheIndexIsAdded(Scenario scenario) {
        this.scenario = scenario;
        table = scenario.table() + "-before-lockout";
        createTableAsTheEarlierVersionDid();
        var before = Map.of("LOCKOUT_FAILURES", "0");
        decide(before, T0, "references/alice.jpg", "compare-match.json");
        var earlierFailure = decide(before, T0.plusSeconds(1), "uploads/alice/1.jpg", "compare-no-match.json");
        var lockoutAttributes = Lockout.ONLY_WHILE_COUNTING.stream().map(AuditAttribute::stored).collect(Collectors.toSet());
        assertEquals(Set.of(), intersection(earlierFailure.keySet(), lockoutAttributes), "off, items are as before lockout");

        AuditTable.addMissingIndexes(scenario.stack().dynamoDb(), table);
        var matched = decide(Map.of(), T0.plusSeconds(2), "uploads/alice/2.jpg", "compare-match.json");
        var failed = decide(Map.of(), T0.plusSeconds(3), "uploads/alice/3.jpg", "compare-no-match.json");

        assertEquals(List.of("AUTHORIZED", "", "0"), List.of(matched.get("decision"), matched.get("reasons"),
                matched.get("failuresCounted")), "a failure from before the update is not in the index, so not counted");
        assertEquals(List.of("UNAUTHORIZED", "NO_MATCH", "alice"), List.of(failed.get("decision"), failed.get("reasons"),
                failed.get("failedSubjectId")));
        assertEquals(earlierFailure.get("referenceSha256"), matched.get("referenceSha256"), "the reference enrolled before");
    }

    /** The earlier version's table: the key and the seal-period index, nothing else. */
    private void createTableAsTheEarlierVersionDid() {
        var dynamoDb = scenario.stack().dynamoDb();
        dynamoDb.createTable(b -> b.tableName(table)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(List.of(string("attemptId"), string("sealPeriod")))
                .keySchema(List.of(key("attemptId", KeyType.HASH)))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("bySealPeriod")
                        .keySchema(List.of(key("sealPeriod", KeyType.HASH), key("attemptId", KeyType.RANGE)))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(table));
    }

    private Map<String, String> decide(Map<String, String> overrides, Instant at, String key, String comparison) {
        byte[] image = TestImages.jpeg(++seed);
        scenario.faces().respond(image, "one-clear-face.json");
        scenario.faces().respondToComparison(image, comparison);
        var env = new java.util.HashMap<>(overrides);
        env.putAll(Map.of("VERIFICATION_MODE", "MATCH", "AUDIT_TABLE_NAME", table));
        Scenario.invoke(scenario.handlerAt(at, env), S3Events.event(scenario.upload(key, image)));
        return scenario.stack().dynamoDb().scan(b -> b.tableName(table).consistentRead(true)).items().stream()
                .filter(item -> AttributeValue.fromS(key).equals(item.get("objectKey"))).map(Scenario::asStrings)
                .findFirst().orElseThrow();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        return a.stream().filter(b::contains).collect(Collectors.toSet());
    }
}
