package com.biometriclogger.aws;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.AuditItem;
import com.biometriclogger.decision.AuditLog;
import com.biometriclogger.decision.DeploymentFaultException;
import com.biometriclogger.evidence.EvidenceSigning;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Write-once, signed audit items: {@code attribute_not_exists(attemptId)} makes DynamoDB itself
 * refuse a second item for the same upload, however many deliveries, retries or containers race for
 * it; the signature covers the item exactly as stored (every attribute, as the schema maps it), so a
 * later edit of any attribute shows. Before any of that, {@link #contains} lets a redelivered upload
 * be found with one consistent read, so it is neither judged nor signed again.
 */
public final class DynamoDbAuditLog implements AuditLog {

    private static final Expression WRITE_ONCE = Expression.builder()
            .expression("attribute_not_exists(#pk)")
            .putExpressionName("#pk", AuditAttribute.ATTEMPT_ID.stored())
            .build();

    private final DynamoDbTable<AuditItem> table;
    private final EvidenceSigning signing;

    public DynamoDbAuditLog(DynamoDbTable<AuditItem> table, EvidenceSigning signing) {
        this.table = table;
        this.signing = signing;
    }

    @Override
    public boolean contains(String attemptId) {
        try {
            return table.getItem(GetItemEnhancedRequest.builder()
                    .key(Key.builder().partitionValue(attemptId).build())
                    .consistentRead(true)
                    .build()) != null;
        } catch (ResourceNotFoundException e) {
            throw new DeploymentFaultException("DynamoDB table " + table.tableName() + " does not exist", e);
        } catch (DynamoDbException e) {
            throw accessDeniedOr(e, "reading");
        }
    }

    @Override
    public boolean recordOnce(AuditItem item) {
        try {
            table.putItem(PutItemEnhancedRequest.builder(AuditItem.class)
                    .item(signing.signItem(item))
                    .conditionExpression(WRITE_ONCE)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException alreadyWritten) {
            return false;
        } catch (ResourceNotFoundException e) {
            throw new DeploymentFaultException("DynamoDB table " + table.tableName() + " does not exist", e);
        } catch (DynamoDbException e) {
            throw accessDeniedOr(e, "writing to");
        }
    }

    private RuntimeException accessDeniedOr(DynamoDbException e, String doing) {
        if (e.statusCode() == 400 && e.awsErrorDetails() != null
                && e.awsErrorDetails().errorCode().contains("AccessDenied")) {
            return new DeploymentFaultException("DynamoDB AccessDenied " + doing + " " + table.tableName(), e);
        }
        return e;
    }
}
