package com.biometriclogger.aws;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.DeploymentFaultException;
import com.biometriclogger.decision.Lockout;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * A subject's failures counted from the audit table's {@code failuresBySubject} index: one Query that reads at
 * most {@code atMost} keys. A global secondary index is read eventually consistently, so a failure written a
 * moment ago may not be counted yet (docs/decisions.md states the bound that leaves).
 */
public final class DynamoDbFailureIndex implements Lockout.FailureLedger {

    private final DynamoDbClient dynamoDb;
    private final String auditTableName;

    public DynamoDbFailureIndex(DynamoDbClient dynamoDb, String auditTableName) {
        this.dynamoDb = dynamoDb;
        this.auditTableName = auditTableName;
    }

    @Override
    public int failures(String subjectId, Instant earliest, Instant latest, int atMost) {
        try {
            return dynamoDb.query(b -> b.tableName(auditTableName)
                    .indexName(AuditItemSchema.FAILURES_INDEX)
                    .select(Select.COUNT)
                    .limit(atMost)
                    .keyConditionExpression("#subject = :subject AND #at BETWEEN :earliest AND :latest")
                    .expressionAttributeNames(Map.of("#subject", AuditAttribute.FAILED_SUBJECT_ID.stored(),
                            "#at", AuditAttribute.DECIDED_AT_EPOCH_MILLIS.stored()))
                    .expressionAttributeValues(Map.of(":subject", AttributeValue.fromS(subjectId),
                            ":earliest", millis(earliest), ":latest", millis(latest)))).count();
        } catch (DynamoDbException e) {
            if (e.awsErrorDetails() != null && e.awsErrorDetails().errorCode().contains("AccessDenied")) {
                throw new DeploymentFaultException("DynamoDB AccessDenied querying " + auditTableName + "/index/"
                        + AuditItemSchema.FAILURES_INDEX + ": the role needs dynamodb:Query on it", e);
            }
            throw e;
        }
    }

    private static AttributeValue millis(Instant instant) {
        return AttributeValue.fromS(Long.toString(instant.toEpochMilli()));
    }
}
