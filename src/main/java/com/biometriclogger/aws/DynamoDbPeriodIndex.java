package com.biometriclogger.aws;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.evidence.OverdueReviews;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * One hour's decisions: their keys from the audit table's keys-only {@code bySealPeriod} index, then
 * the items themselves, a hundred per consistent BatchGetItem, because a seal commits to content.
 * Read with the low-level client so the digest covers exactly the String attributes verify will see.
 */
public final class DynamoDbPeriodIndex implements OverdueReviews.Ledger {

    private static final int BATCH = 100;
    /** Keys per Query page: a busy hour is read in many short calls, each well inside the client's time budget. */
    private static final int KEYS_PER_PAGE = 1_000;
    private static final String ATTEMPT_ID = AuditAttribute.ATTEMPT_ID.stored();

    private final DynamoDbClient dynamoDb;
    private final String auditTableName;

    public DynamoDbPeriodIndex(DynamoDbClient dynamoDb, String auditTableName) {
        this.dynamoDb = dynamoDb;
        this.auditTableName = auditTableName;
    }

    @Override
    public List<Map<String, String>> items(String period) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        dynamoDb.queryPaginator(b -> b.tableName(auditTableName)
                        .indexName(AuditItemSchema.SEAL_PERIOD_INDEX)
                        .limit(KEYS_PER_PAGE)
                        .keyConditionExpression("#period = :period")
                        .expressionAttributeNames(Map.of("#period", AuditAttribute.SEAL_PERIOD.stored()))
                        .expressionAttributeValues(Map.of(":period", AttributeValue.fromS(period))))
                .items()
                .forEach(item -> keys.add(Map.of(ATTEMPT_ID, item.get(ATTEMPT_ID))));
        List<Map<String, String>> items = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += BATCH) {
            getAll(keys.subList(from, Math.min(keys.size(), from + BATCH)), items);
        }
        return items;
    }

    /** The same consistent BatchGetItem the hour's items are read with, so the seal role needs no other right. */
    @Override
    public Set<String> present(List<String> attemptIds) {
        List<Map<String, String>> items = new ArrayList<>(attemptIds.size());
        for (int from = 0; from < attemptIds.size(); from += BATCH) {
            getAll(attemptIds.subList(from, Math.min(attemptIds.size(), from + BATCH)).stream()
                    .map(id -> Map.of(ATTEMPT_ID, AttributeValue.fromS(id))).toList(), items);
        }
        return items.stream().map(item -> item.getOrDefault(ATTEMPT_ID, "")).collect(Collectors.toSet());
    }

    /** BatchGetItem may answer part of a batch: the rest is asked again until none is left. */
    private void getAll(List<Map<String, AttributeValue>> keys, List<Map<String, String>> into) {
        Map<String, KeysAndAttributes> pending = Map.of(auditTableName,
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        while (!pending.isEmpty()) {
            var requested = pending;
            var response = dynamoDb.batchGetItem(b -> b.requestItems(requested));
            response.responses().getOrDefault(auditTableName, List.of()).forEach(item -> into.add(strings(item)));
            pending = response.unprocessedKeys();
        }
    }

    private static Map<String, String> strings(Map<String, AttributeValue> item) {
        var strings = new LinkedHashMap<String, String>();
        item.forEach((name, value) -> {
            if (value.s() != null) {
                strings.put(name, value.s());
            }
        });
        return strings;
    }
}
