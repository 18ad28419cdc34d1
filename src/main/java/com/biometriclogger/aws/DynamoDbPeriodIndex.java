package com.biometriclogger.aws;

import com.biometriclogger.evidence.Sealer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads one hour's attempt ids from the audit table's keys-only {@code sealPeriod} index. */
public final class DynamoDbPeriodIndex implements Sealer.PeriodIndex {

    private final DynamoDbClient dynamoDb;
    private final String auditTableName;

    public DynamoDbPeriodIndex(DynamoDbClient dynamoDb, String auditTableName) {
        this.dynamoDb = dynamoDb;
        this.auditTableName = auditTableName;
    }

    @Override
    public List<String> attemptIds(String period) {
        List<String> ids = new ArrayList<>();
        dynamoDb.queryPaginator(b -> b.tableName(auditTableName)
                        .indexName(AuditRecordSchema.SEAL_PERIOD_INDEX)
                        .keyConditionExpression("#period = :period")
                        .expressionAttributeNames(Map.of("#period", AuditRecordSchema.SEAL_PERIOD))
                        .expressionAttributeValues(Map.of(":period", AttributeValue.fromS(period))))
                .items()
                .forEach(item -> ids.add(item.get(AuditRecordSchema.PARTITION_KEY).s()));
        return ids;
    }
}
