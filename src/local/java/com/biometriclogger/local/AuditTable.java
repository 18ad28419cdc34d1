package com.biometriclogger.local;

import com.biometriclogger.aws.AuditRecordSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** Creates the audit table as template.yaml declares it: partition key {@code attemptId} (S), on demand. */
public final class AuditTable {

    private AuditTable() {
    }

    public static void createIfMissing(DynamoDbClient dynamoDb, String tableName) {
        try {
            dynamoDb.createTable(b -> b.tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder()
                            .attributeName(AuditRecordSchema.PARTITION_KEY).attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName(AuditRecordSchema.PARTITION_KEY).keyType(KeyType.HASH).build()));
            dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        } catch (ResourceInUseException alreadyThere) {
            // --data-dir keeps the table between runs.
        }
    }
}
