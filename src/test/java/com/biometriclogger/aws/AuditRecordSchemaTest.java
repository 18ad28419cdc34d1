package com.biometriclogger.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.decision.AuditRecord;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AuditRecordSchemaTest {

    @Test
    void everyRecordFieldIsAStringAttributeAndRoundTrips() throws Exception {
        var builder = AuditRecord.builder();
        var accessors = Arrays.stream(AuditRecord.class.getDeclaredMethods())
                .filter(m -> m.getParameterCount() == 0 && m.getReturnType() == String.class
                        && !m.getName().equals("toString"))
                .toList();
        for (Method accessor : accessors) {
            AuditRecord.Builder.class.getMethod(accessor.getName(), String.class).invoke(builder, "v-" + accessor.getName());
        }
        var record = builder.build();

        var item = AuditRecordSchema.SCHEMA.itemToMap(record, false);

        assertEquals(accessors.size(), item.size());
        item.forEach((name, value) -> {
            assertEquals("v-" + name, value.s(), name);
            assertTrue(value.n() == null && value.bool() == null, name);
        });
        assertEquals(record, AuditRecordSchema.SCHEMA.mapToItem(item));
        assertEquals(AuditRecordSchema.PARTITION_KEY, AuditRecordSchema.SCHEMA.tableMetadata().primaryPartitionKey());
    }
}
