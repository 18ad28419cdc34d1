package com.biometriclogger.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Items are values: equal when every attribute is, whatever order they were given in. */
class AuditItemTest {

    @Test
    void itemsWithTheSameAttributesAreEqualAndHashAlike() {
        var item = AuditItem.of(Map.of("attemptId", "a1", "decision", "AUTHORIZED"));
        var same = AuditItem.of(Map.of("decision", "AUTHORIZED", "attemptId", "a1"));

        assertEquals(item, same);
        assertEquals(item.hashCode(), same.hashCode());
        assertEquals("AuditItem{attemptId=a1, decision=AUTHORIZED}", item.toString());
    }

    @Test
    void oneAttributeChangedMakesAnotherItem() {
        var item = AuditItem.of(Map.of("attemptId", "a1", "decision", "AUTHORIZED"));

        assertNotEquals(item, item.with(AuditAttribute.DECISION, "UNAUTHORIZED"));
        assertNotEquals(item, (Object) "AuditItem{attemptId=a1, decision=AUTHORIZED}");
    }
}
