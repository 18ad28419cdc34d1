package com.biometriclogger.aws;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.AuditItem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Writes a record (an erasure or a review) to the audit table once: a second write under the same id
 * changes nothing and returns what the first one stored.
 */
final class FirstWrites {

    private FirstWrites() {
    }

    /** @return the record already stored under the same id, when there is one (nothing is written then) */
    static Optional<AuditItem> putOnce(DynamoDbClient dynamoDb, String tableName, AuditItem record) {
        var item = new LinkedHashMap<String, AttributeValue>();
        record.attributes().forEach((name, value) -> item.put(name, AttributeValue.fromS(value)));
        try {
            dynamoDb.putItem(b -> b.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", AuditAttribute.ATTEMPT_ID.stored()))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Optional.empty();
        } catch (ConditionalCheckFailedException recordedBefore) {
            return Optional.of(strings(recordedBefore.item()));
        }
    }

    /** The String attributes of an item as read (an item of another type's attributes has none of them). */
    static AuditItem strings(Map<String, AttributeValue> item) {
        var strings = new LinkedHashMap<String, String>();
        if (item != null) {
            item.forEach((name, value) -> {
                if (value.s() != null) {
                    strings.put(name, value.s());
                }
            });
        }
        return AuditItem.of(strings);
    }
}
