package com.biometriclogger.aws;

import com.biometriclogger.decision.AuditItem;
import com.biometriclogger.evidence.Sealer;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/** Reads one hour's attempt ids from the audit table's keys-only {@code bySealPeriod} index. */
public final class DynamoDbPeriodIndex implements Sealer.PeriodIndex {

    private final DynamoDbTable<AuditItem> auditTable;

    public DynamoDbPeriodIndex(DynamoDbTable<AuditItem> auditTable) {
        this.auditTable = auditTable;
    }

    @Override
    public List<String> attemptIds(String period) {
        return auditTable.index(AuditItemSchema.SEAL_PERIOD_INDEX)
                .query(QueryConditional.keyEqualTo(k -> k.partitionValue(period)))
                .stream()
                .flatMap(page -> page.items().stream())
                .map(AuditItem::attemptId)
                .toList();
    }
}
