package com.biometriclogger.aws;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.AuditItem;
import com.biometriclogger.decision.AuditLog;
import com.biometriclogger.decision.DeploymentFaultException;
import com.biometriclogger.evidence.Commitment;
import com.biometriclogger.evidence.EvidenceSigning;
import java.util.Optional;
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
 *
 * <p>Beside each item goes its {@link Commitment}, item first: a decision is never lost for want of
 * a commitment, and a commitment never names an item that was not stored. When the commitment write
 * fails after the item was stored, the write throws, the invocation fails and Lambda delivers the
 * event again; the retry finds the item ({@link #contains}) and commits it as stored (create-only, so
 * a commitment already there is kept). The reverse order would leave, after a crash, a commitment
 * to an item the retry then judges again with another timestamp: a false finding for good.
 */
public final class DynamoDbAuditLog implements AuditLog {

    private static final Expression WRITE_ONCE = Expression.builder()
            .expression("attribute_not_exists(#pk)")
            .putExpressionName("#pk", AuditAttribute.ATTEMPT_ID.stored())
            .build();

    private final DynamoDbTable<AuditItem> table;
    private final EvidenceSigning signing;
    private final Commitment.Archive commitments;

    public DynamoDbAuditLog(DynamoDbTable<AuditItem> table, EvidenceSigning signing, Commitment.Archive commitments) {
        this.table = table;
        this.signing = signing;
        this.commitments = commitments;
    }

    /** Also commits the stored item: an earlier delivery may have stopped between the two writes. */
    @Override
    public boolean contains(String attemptId) {
        var stored = stored(attemptId);
        stored.ifPresent(item -> commitments.commitOnce(Commitment.of(item.attributes())));
        return stored.isPresent();
    }

    private Optional<AuditItem> stored(String attemptId) {
        try {
            return Optional.ofNullable(table.getItem(GetItemEnhancedRequest.builder()
                    .key(Key.builder().partitionValue(attemptId).build())
                    .consistentRead(true)
                    .build()));
        } catch (ResourceNotFoundException e) {
            throw new DeploymentFaultException("DynamoDB table " + table.tableName() + " does not exist", e);
        } catch (DynamoDbException e) {
            throw accessDeniedOr(e, "reading");
        }
    }

    @Override
    public boolean recordOnce(AuditItem item) {
        var signed = signing.signItem(item);
        try {
            table.putItem(PutItemEnhancedRequest.builder(AuditItem.class)
                    .item(signed)
                    .conditionExpression(WRITE_ONCE)
                    .build());
        } catch (ConditionalCheckFailedException alreadyWritten) {
            contains(item.attemptId());
            return false;
        } catch (ResourceNotFoundException e) {
            throw new DeploymentFaultException("DynamoDB table " + table.tableName() + " does not exist", e);
        } catch (DynamoDbException e) {
            throw accessDeniedOr(e, "writing to");
        }
        commitments.commitOnce(Commitment.of(signed.attributes()));
        return true;
    }

    private RuntimeException accessDeniedOr(DynamoDbException e, String doing) {
        if (e.statusCode() == 400 && e.awsErrorDetails() != null
                && e.awsErrorDetails().errorCode().contains("AccessDenied")) {
            return new DeploymentFaultException("DynamoDB AccessDenied " + doing + " " + table.tableName(), e);
        }
        return e;
    }
}
