package com.biometriclogger.aws;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.AuditItem;
import com.biometriclogger.evidence.Erasure;
import com.biometriclogger.evidence.SubjectKeys;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The audit table as erase uses it. A subject's items are found by a consistent Scan filtered on
 * {@code subjectId} and the object key (the table has no index by subject, and one would hold every
 * subject id a second time for a rare operation): it reads the whole table, as {@code verify} does.
 */
public final class DynamoDbErasureLedger implements Erasure.Ledger {

    private static final String ATTEMPT_ID = AuditAttribute.ATTEMPT_ID.stored();

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbErasureLedger(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public List<AuditItem> itemsOf(SubjectKeys subject) {
        return dynamoDb.scanPaginator(b -> b.tableName(tableName).consistentRead(true)
                        .filterExpression("attribute_not_exists(#kind) AND (#subject = :subject "
                                + "OR begins_with(#key, :uploads) OR begins_with(#key, :reference) "
                                + "OR begins_with(#key, :referenceFolder))")
                        .expressionAttributeNames(Map.of("#kind", AuditAttribute.KIND.stored(),
                                "#subject", AuditAttribute.SUBJECT_ID.stored(), "#key", AuditAttribute.OBJECT_KEY.stored()))
                        .expressionAttributeValues(Map.of(":subject", AttributeValue.fromS(subject.subject()),
                                ":uploads", AttributeValue.fromS(subject.uploads()),
                                ":reference", AttributeValue.fromS(subject.referenceStem()),
                                ":referenceFolder", AttributeValue.fromS(subject.referenceFolder()))))
                .items().stream()
                .map(FirstWrites::strings)
                .filter(item -> item.get(AuditAttribute.SUBJECT_ID).equals(Optional.of(subject.subject()))
                        || item.get(AuditAttribute.OBJECT_KEY).filter(subject::covers).isPresent())
                .toList();
    }

    @Override
    public Optional<AuditItem> putOnce(AuditItem record) {
        return FirstWrites.putOnce(dynamoDb, tableName, record);
    }

    /** Deletes a decision only: the condition keeps an erasure record from ever being deleted by erase. */
    @Override
    public void delete(String attemptId) {
        try {
            dynamoDb.deleteItem(b -> b.tableName(tableName)
                    .key(Map.of(ATTEMPT_ID, AttributeValue.fromS(attemptId)))
                    .conditionExpression("attribute_not_exists(#kind)")
                    .expressionAttributeNames(Map.of("#kind", AuditAttribute.KIND.stored())));
        } catch (ConditionalCheckFailedException notADecision) {
            throw new IllegalStateException(attemptId + " is an erasure record, not a decision: not deleted", notADecision);
        }
    }
}
