package com.biometriclogger.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.AuditItem;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The audit item's mapping without a database, as the SDK's own {@code StaticImmutableTableSchemaFlattenTest}
 * checks a flattened schema: item to attribute map and back, and the keys the schema declares.
 */
class AuditItemSchemaTest {

    private static final AuditItem ITEM = AuditItem.of(Map.of(
            "attemptId", "uploads/alice/selfie.jpg#v1",
            "sealPeriod", "2026-05-03T08",
            "decision", "AUTHORIZED",
            "faceCount", "1",
            "sha256", "ab".repeat(32)));

    private static final Map<String, AttributeValue> ITEM_MAP = Map.of(
            "attemptId", AttributeValue.fromS("uploads/alice/selfie.jpg#v1"),
            "sealPeriod", AttributeValue.fromS("2026-05-03T08"),
            "decision", AttributeValue.fromS("AUTHORIZED"),
            "faceCount", AttributeValue.fromS("1"),
            "sha256", AttributeValue.fromS("ab".repeat(32)));

    /** As PutItem maps it (absent attributes left out, never stored as NULL: an index key may not be one). */
    @Test
    void anItemIsStoredAsTopLevelStringAttributesUnderTheirOwnNames() {
        assertEquals(ITEM_MAP, AuditItemSchema.SCHEMA.itemToMap(ITEM, true));
    }

    @Test
    void anAttributeMapIsReadBackAsTheSameItem() {
        assertEquals(ITEM, AuditItemSchema.SCHEMA.mapToItem(ITEM_MAP));
    }

    @Test
    void everyAttributeKeepsItsStoredNameAndStringTypeThroughTheSchema() {
        Map<String, String> all = Arrays.stream(AuditAttribute.values())
                .collect(Collectors.toMap(AuditAttribute::stored, AuditAttribute::name));
        var stored = AuditItemSchema.SCHEMA.itemToMap(AuditItem.of(all), false);

        assertEquals(all.keySet(), stored.keySet());
        stored.forEach((name, value) -> assertEquals(AttributeValue.fromS(all.get(name)), value, name));
        assertEquals(List.of("attemptId", "sealPeriod", "signingKeyId", "signature"),
                List.of(AuditAttribute.ATTEMPT_ID.stored(), AuditAttribute.SEAL_PERIOD.stored(),
                        AuditAttribute.SIGNING_KEY_ID.stored(), AuditAttribute.SIGNATURE.stored()),
                "names stored items already carry: renaming one orphans every item written before");
    }

    @Test
    void anItemWithoutASealPeriodReadsBackWithoutOne() {
        var withoutPeriod = new HashMap<>(ITEM_MAP);
        withoutPeriod.remove("sealPeriod");

        var item = AuditItemSchema.SCHEMA.mapToItem(withoutPeriod);

        assertEquals(Optional.empty(), item.get(AuditAttribute.SEAL_PERIOD));
        assertFalse(item.attributes().containsKey("sealPeriod"), "absent, not stored as null or \"\"");
    }

    @Test
    void theTableIsKeyedByAttemptIdAndIndexedBySealPeriodThenAttemptId() {
        TableMetadata metadata = AuditItemSchema.SCHEMA.tableMetadata();

        assertEquals("attemptId", metadata.primaryPartitionKey());
        assertEquals(Optional.empty(), metadata.primarySortKey());
        assertEquals("sealPeriod", metadata.indexPartitionKey(AuditItemSchema.SEAL_PERIOD_INDEX));
        assertEquals(Optional.of("attemptId"), metadata.indexSortKey(AuditItemSchema.SEAL_PERIOD_INDEX));
        assertEquals("bySealPeriod", AuditItemSchema.SEAL_PERIOD_INDEX);
        assertEquals("failedSubjectId", metadata.indexPartitionKey(AuditItemSchema.FAILURES_INDEX));
        assertEquals(Optional.of("decidedAtEpochMillis"), metadata.indexSortKey(AuditItemSchema.FAILURES_INDEX));
        assertEquals("failuresBySubject", AuditItemSchema.FAILURES_INDEX);
    }
}
