package com.biometriclogger.aws;

import com.biometriclogger.evidence.SealRecord;
import com.biometriclogger.evidence.Sealer;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The seal table: one String-typed item per seal part, written once. Seals are not audit records
 * and have their own small schema, so they are written with the low-level client.
 */
public final class DynamoDbSealStore implements Sealer.SealStore {

    public static final String PARTITION_KEY = SealRecord.SEAL_ID;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbSealStore(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public boolean isSealed(String period) {
        return dynamoDb.getItem(b -> b.tableName(tableName).consistentRead(true)
                .key(Map.of(PARTITION_KEY, AttributeValue.fromS(SealRecord.sealId(period, 0))))).hasItem();
    }

    @Override
    public boolean putOnce(Map<String, String> sealPart) {
        var item = new LinkedHashMap<String, AttributeValue>();
        sealPart.forEach((name, value) -> item.put(name, AttributeValue.fromS(value)));
        try {
            dynamoDb.putItem(b -> b.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PARTITION_KEY)));
            return true;
        } catch (ConditionalCheckFailedException alreadySealed) {
            return false;
        }
    }
}
