package com.biometriclogger.aws;

import com.biometriclogger.evidence.Erasure;
import com.biometriclogger.evidence.SealRecord;
import com.biometriclogger.evidence.Sealer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The seal table: one String-typed item per seal part, written once. Seals are not audit records
 * and have their own small schema, so they are written with the low-level client.
 */
public final class DynamoDbSealStore implements Sealer.SealStore, Erasure.Seals {

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

    /** Reads parts until the first missing one: erase then finds the item absent and refuses it. */
    @Override
    public List<Map<String, String>> partsOf(String period) {
        List<Map<String, String>> parts = new ArrayList<>();
        for (int part = 0; ; part++) {
            var item = part(period, part);
            if (item.isEmpty()) {
                return parts;
            }
            parts.add(item);
            if (String.valueOf(part + 1).equals(item.get(SealRecord.PART_COUNT))) {
                return parts;
            }
        }
    }

    private Map<String, String> part(String period, int part) {
        var strings = new LinkedHashMap<String, String>();
        dynamoDb.getItem(b -> b.tableName(tableName).consistentRead(true)
                        .key(Map.of(PARTITION_KEY, AttributeValue.fromS(SealRecord.sealId(period, part)))))
                .item().forEach((name, value) -> {
                    if (value.s() != null) {
                        strings.put(name, value.s());
                    }
                });
        return strings;
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
