package com.biometriclogger.template;

import static com.biometriclogger.template.TemplateParts.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.biometriclogger.aws.AuditItemSchema;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;

/**
 * The audit table's indexes in template.yaml are the ones the item schema declares (the schema is what the
 * local stack creates tables from, and what the function queries by): same names, keys and projection.
 */
class AuditTableIndexesTest {

    @Test
    @SuppressWarnings("unchecked")
    void theTemplateDeclaresExactlyTheSchemasIndexesKeysOnly() {
        var metadata = AuditItemSchema.SCHEMA.tableMetadata();
        Map<String, List<String>> fromSchema = new TreeMap<>();
        metadata.indices().stream().map(index -> index.name()).filter(name -> !name.equals(TableMetadata.primaryIndexName()))
                .forEach(name -> fromSchema.put(name, List.of(metadata.indexPartitionKey(name),
                        metadata.indexSortKey(name).orElseThrow())));
        Map<String, List<String>> fromTemplate = new TreeMap<>();
        for (var index : (List<Map<String, Object>>) properties("AuditTable").get("GlobalSecondaryIndexes")) {
            var keys = (List<Map<String, Object>>) index.get("KeySchema");
            fromTemplate.put((String) index.get("IndexName"), keys.stream().map(k -> (String) k.get("AttributeName")).toList());
            assertEquals(List.of("HASH", "RANGE"), keys.stream().map(k -> k.get("KeyType")).toList());
            assertEquals(Map.of("ProjectionType", "KEYS_ONLY"), index.get("Projection"), "no figures copied into an index");
        }

        assertEquals(fromSchema, fromTemplate);
        assertEquals(List.of(AuditItemSchema.SEAL_PERIOD_INDEX, AuditItemSchema.FAILURES_INDEX), List.copyOf(fromSchema.keySet()));
    }
}
