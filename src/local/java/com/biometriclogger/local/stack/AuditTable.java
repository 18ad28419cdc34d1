package com.biometriclogger.local.stack;

import com.biometriclogger.aws.AuditItemSchema;
import com.biometriclogger.aws.DynamoDbSealStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Creates the tables as template.yaml declares them: the audit table from its schema (partition key
 * {@code attemptId}, its indexes) and the seal table (partition key {@code sealId}).
 */
public final class AuditTable {

    private AuditTable() {
    }

    public static void createIfMissing(DynamoDbClient dynamoDb, String tableName) {
        try {
            AuditItemSchema.createTable(AuditItemSchema.table(dynamoDb, tableName));
            dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        } catch (ResourceInUseException alreadyThere) {
            // --data-dir keeps the table between runs, maybe from before an index existed.
            addMissingIndexes(dynamoDb, tableName);
        }
    }

    /** Adds the indexes an earlier version's table lacks and waits until they can be read, as a stack update does. */
    public static void addMissingIndexes(DynamoDbClient dynamoDb, String tableName) {
        AuditItemSchema.addMissingIndexes(dynamoDb, tableName);
        while (dynamoDb.describeTable(b -> b.tableName(tableName)).table().globalSecondaryIndexes().stream()
                .anyMatch(index -> index.indexStatus() != IndexStatus.ACTIVE)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + tableName + "'s indexes were created", e);
            }
        }
    }

    public static void createSealTableIfMissing(DynamoDbClient dynamoDb, String tableName) {
        try {
            dynamoDb.createTable(b -> b.tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(stringAttribute(DynamoDbSealStore.PARTITION_KEY))
                    .keySchema(key(DynamoDbSealStore.PARTITION_KEY, KeyType.HASH)));
            dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        } catch (ResourceInUseException alreadyThere) {
            // --data-dir keeps the table between runs.
        }
    }

    /**
     * Streams with old and new images, as template.yaml declares them; a table kept in a data
     * directory from before gets its stream on the next start.
     */
    public static void enableStreamIfMissing(DynamoDbClient dynamoDb, String tableName) {
        var spec = dynamoDb.describeTable(b -> b.tableName(tableName)).table().streamSpecification();
        if (spec == null || !Boolean.TRUE.equals(spec.streamEnabled())) {
            dynamoDb.updateTable(b -> b.tableName(tableName)
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        }
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
