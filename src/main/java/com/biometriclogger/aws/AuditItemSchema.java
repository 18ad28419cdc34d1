package com.biometriclogger.aws;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.AuditItem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.CreateTableEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The audit table's schema, built once with no reflection (a reflective bean schema costs tens of
 * milliseconds per cold start). The key attributes are mapped so the schema carries the table's
 * key and its indexes; every other attribute is the item's String map, flattened
 * to top-level String attributes. Readers that must see an attribute stored as another type
 * ({@code verify}) read raw {@code AttributeValue}s instead: this mapping reads only Strings.
 */
public final class AuditItemSchema {

    /** The hour each decision is sealed in, and the index the sealer queries by it (keys only). */
    public static final String SEAL_PERIOD_INDEX = "bySealPeriod";

    /**
     * The failures the lockout counts, by subject and time (keys only): sparse, since only a decision counted as a
     * failure carries {@code failedSubjectId}, so a count reads at most the lockout's limit of keys.
     */
    public static final String FAILURES_INDEX = "failuresBySubject";

    private static final String ATTEMPT_ID = AuditAttribute.ATTEMPT_ID.stored();
    private static final String SEAL_PERIOD = AuditAttribute.SEAL_PERIOD.stored();
    private static final String FAILED_SUBJECT_ID = AuditAttribute.FAILED_SUBJECT_ID.stored();
    /** Thirteen digits from 2001 to 2286, so as a String it sorts as the instant does. */
    private static final String DECIDED_AT_EPOCH_MILLIS = AuditAttribute.DECIDED_AT_EPOCH_MILLIS.stored();
    private static final List<String> INDEXES = List.of(SEAL_PERIOD_INDEX, FAILURES_INDEX);

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
                    .addAttribute(String.class, a -> a.name(FAILED_SUBJECT_ID)
                            .getter(item -> item.attributes().get(FAILED_SUBJECT_ID))
                            .setter((b, value) -> b.keys.put(FAILED_SUBJECT_ID, value))
                            .tags(secondaryPartitionKey(FAILURES_INDEX)))
                    .addAttribute(String.class, a -> a.name(DECIDED_AT_EPOCH_MILLIS)
                            .getter(item -> item.attributes().get(DECIDED_AT_EPOCH_MILLIS))
                            .setter((b, value) -> b.keys.put(DECIDED_AT_EPOCH_MILLIS, value))
                            .tags(secondarySortKey(FAILURES_INDEX)))
                    .flatten("attributes", AuditItemSchema::withoutKeys, (b, others) -> b.others.putAll(others))
                    .build();

    private AuditItemSchema() {
    }

    public static DynamoDbTable<AuditItem> table(DynamoDbClient dynamoDb, String tableName) {
        return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build().table(tableName, SCHEMA);
    }

    /** Creates the table as template.yaml declares it: on-demand, keys-only indexes. */
    public static void createTable(DynamoDbTable<AuditItem> table) {
        table.createTable(CreateTableEnhancedRequest.builder()
                .globalSecondaryIndices(INDEXES.stream().map(name -> EnhancedGlobalSecondaryIndex.builder()
                        .indexName(name)
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                        .build()).toList())
                .build());
    }

    /** Adds the indexes a table created by an earlier version lacks, as a stack update does (one per update). */
    public static void addMissingIndexes(DynamoDbClient dynamoDb, String tableName) {
        var present = dynamoDb.describeTable(b -> b.tableName(tableName)).table().globalSecondaryIndexes().stream()
                .map(index -> index.indexName()).toList();
        var metadata = SCHEMA.tableMetadata();
        for (String name : INDEXES) {
            if (present.contains(name)) {
                continue;
            }
            String partition = metadata.indexPartitionKey(name);
            String sort = metadata.indexSortKey(name).orElseThrow();
            dynamoDb.updateTable(b -> b.tableName(tableName)
                    .attributeDefinitions(stringAttribute(partition), stringAttribute(sort))
                    .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder().create(c -> c.indexName(name)
                            .keySchema(KeySchemaElement.builder().attributeName(partition).keyType(KeyType.HASH).build(),
                                    KeySchemaElement.builder().attributeName(sort).keyType(KeyType.RANGE).build())
                            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))).build()));
        }
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static Map<String, String> withoutKeys(AuditItem item) {
        var others = new HashMap<>(item.attributes());
        others.remove(ATTEMPT_ID);
        others.remove(SEAL_PERIOD);
        others.remove(FAILED_SUBJECT_ID);
        others.remove(DECIDED_AT_EPOCH_MILLIS);
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
