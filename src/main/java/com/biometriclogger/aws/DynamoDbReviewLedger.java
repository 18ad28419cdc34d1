package com.biometriclogger.aws;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.AuditItem;
import com.biometriclogger.decision.Decision;
import com.biometriclogger.decision.ReviewRecord;
import com.biometriclogger.evidence.Review;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The audit table as review uses it. Pending reviews are found by a consistent Scan filtered on the
 * decision and the record kind: it reads the whole table, as {@code verify} does, for a command a
 * reviewer runs now and then (an index by decision would copy every decision's figures a second time).
 */
public final class DynamoDbReviewLedger implements Review.Ledger {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbReviewLedger(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public List<AuditItem> reviewRequiredAndReviews() {
        return dynamoDb.scanPaginator(b -> b.tableName(tableName).consistentRead(true)
                        .filterExpression("#decision = :review OR #kind = :kind")
                        .expressionAttributeNames(Map.of("#decision", AuditAttribute.DECISION.stored(),
                                "#kind", AuditAttribute.KIND.stored()))
                        .expressionAttributeValues(Map.of(":review", AttributeValue.fromS(Decision.REVIEW_REQUIRED.name()),
                                ":kind", AttributeValue.fromS(ReviewRecord.KIND))))
                .items().stream().map(FirstWrites::strings).toList();
    }

    @Override
    public Optional<AuditItem> find(String attemptId) {
        return new DynamoDbEvidenceTable(dynamoDb).auditItem(tableName, attemptId).map(stored -> AuditItem.of(stored.attributes()));
    }

    @Override
    public Optional<AuditItem> putOnce(AuditItem record) {
        return FirstWrites.putOnce(dynamoDb, tableName, record);
    }
}
