package com.biometriclogger.aws;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.AuditItem;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.CreateTableEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * The audit table's schema, built once with no reflection (a reflective bean schema costs tens of
 * milliseconds per cold start). The key attributes are mapped so the schema carries the table's
 * key and its {@code bySealPeriod} index; every other attribute is the item's String map, flattened
 * to top-level String attributes. Readers that must see an attribute stored as another type
 * ({@code verify}) read raw {@code AttributeValue}s instead: this mapping reads only Strings.
 */
public final class AuditItemSchema {

    /** The hour each decision is sealed in, and the index the sealer queries by it (keys only). */
    public static final String SEAL_PERIOD_INDEX = "bySealPeriod";

    private static final String ATTEMPT_ID = AuditAttribute.ATTEMPT_ID.stored();
    private static final String SEAL_PERIOD = AuditAttribute.SEAL_PERIOD.stored();

    public static final StaticImmutableTableSchema<AuditItem, Builder> SCHEMA =
            StaticImmutableTableSchema.builder(AuditItem.class, Builder.class)
                    .newItemBuilder(Builder::new, Builder::build)
                    .addAttribute(String.class, a -> a.name(ATTEMPT_ID)
                            .getter(item -> item.attributes().get(ATTEMPT_ID))
                            .setter((b, value) -> b.keys.put(ATTEMPT_ID, value))
                            .tags(primaryPartitionKey(), secondarySortKey(SEAL_PERIOD_INDEX)))
                    .addAttribute(String.class, a -> a.name(SEAL_PERIOD)
                            .getter(item -> item.attributes().get(SEAL_PERIOD))
                            .setter((b, value) -> b.keys.put(SEAL_PERIOD, value))
                            .tags(secondaryPartitionKey(SEAL_PERIOD_INDEX)))
                    .flatten("attributes", AuditItemSchema::withoutKeys, (b, others) -> b.others.putAll(others))
                    .build();

    private AuditItemSchema() {
    }

    public static DynamoDbTable<AuditItem> table(DynamoDbClient dynamoDb, String tableName) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build().table(tableName, SCHEMA);
    }

    /** Creates the table as template.yaml declares it: on-demand, keys-only index on the seal period. */
    public static void createTable(DynamoDbTable<AuditItem> table) {
        table.createTable(CreateTableEnhancedRequest.builder()
                .globalSecondaryIndices(EnhancedGlobalSecondaryIndex.builder()
                        .indexName(SEAL_PERIOD_INDEX)
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                        .build())
                .build());
    }

    private static Map<String, String> withoutKeys(AuditItem item) {
        var others = new HashMap<>(item.attributes());
        others.remove(ATTEMPT_ID);
        others.remove(SEAL_PERIOD);
        return others;
    }

    /** The mapper's view of an item while it is read: the key attributes and the rest, merged at the end. */
    public static final class Builder {
        private final Map<String, String> keys = new HashMap<>();
        private final Map<String, String> others = new HashMap<>();

        private AuditItem build() {
            var all = new HashMap<>(others);
            keys.forEach((name, value) -> {
                if (value != null) {
                    all.put(name, value);
                }
            });
            return AuditItem.of(all);
        }
    }
}
