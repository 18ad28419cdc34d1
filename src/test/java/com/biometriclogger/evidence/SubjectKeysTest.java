package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubjectKeysTest {

    private static final SubjectKeys ALICE = new SubjectKeys("b", "uploads/", "references/", "alice");

    @Test
    void theSubjectsUploadsAndReferenceAreCoveredAndNoOtherSubjectsKeys() {
        assertTrue(ALICE.covers("uploads/alice/door 1.jpg"));
        assertTrue(ALICE.covers("uploads/alice/2026/05/door.jpg"));
        assertTrue(ALICE.covers("references/alice.jpg"));
        assertTrue(ALICE.covers("references/alice.PNG"));
        assertFalse(ALICE.covers("uploads/alice2/door.jpg"));
        assertFalse(ALICE.covers("uploads/alice"));
        assertFalse(ALICE.covers("references/alice.old.jpg"), "subject alice.old's reference, as the function reads it");
        assertFalse(ALICE.covers("references/alice2.jpg"));
        assertFalse(ALICE.covers("references/alice."));
    }

    @Test
    void anEmptyOrNestedSubjectIsRefusedSoNoPrefixCoversEveryone() {
        assertEquals("a subject id is one non-empty path segment, got ''", assertThrows(IllegalArgumentException.class,
                () -> new SubjectKeys("b", "uploads/", "references/", "")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SubjectKeys("b", "uploads/", "references/", "a/b"));
        assertThrows(IllegalArgumentException.class, () -> new SubjectKeys("b", "uploads/", "references/", " "));
    }
}
