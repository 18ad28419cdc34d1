package com.biometriclogger.aws;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.evidence.StoredItem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads a table for verification, and enrolments for trust, with the low-level client, so every
 * attribute is seen exactly as stored, including any an editor added or stored as another type.
 */
public final class DynamoDbEvidenceTable {

    /**
     * Smaller than DynamoDB's 1 MB page (about 700 items): each call stays well inside the clients'
     * per-call budget on a slow or busy endpoint, and the progress bar moves evenly.
     */
    private static final int ITEMS_PER_PAGE = 250;

    private final DynamoDbClient dynamoDb;

    public DynamoDbEvidenceTable(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    /** DynamoDB's own estimate (refreshed about every six hours): enough for a progress bar. */
    public long approximateItemCount(String tableName) {
        return dynamoDb.describeTable(b -> b.tableName(tableName)).table().itemCount();
    }

    /**
     * Every item, a page (up to 1 MB) at a time. Eventually consistent, at half the read cost of a
     * consistent scan: what it could miss was written in the last second or so, an hour not yet sealed,
     * where nothing is compared with a seal anyway.
     */
    public void scan(String tableName, Consumer<List<StoredItem>> eachPage) {
        dynamoDb.scanPaginator(b -> b.tableName(tableName).limit(ITEMS_PER_PAGE))
                .forEach(page -> eachPage.accept(page.items().stream().map(DynamoDbEvidenceTable::stored).toList()));
    }

    /** One audit item by its attempt id, strongly consistent: read just after it was written, it is there. */
    public Optional<StoredItem> auditItem(String tableName, String attemptId) {
        var response = dynamoDb.getItem(b -> b.tableName(tableName).consistentRead(true)
                .key(Map.of(AuditAttribute.ATTEMPT_ID.stored(), AttributeValue.fromS(attemptId))));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(stored(response.item())) : Optional.empty();
    }

    private static StoredItem stored(Map<String, AttributeValue> item) {
        var strings = new LinkedHashMap<String, String>();
        List<String> others = new ArrayList<>();
        item.forEach((name, value) -> {
            if (value.s() != null) {
                strings.put(name, value.s());
            } else {
                others.add(name);
            }
        });
        return new StoredItem(strings, others);
    }
}
