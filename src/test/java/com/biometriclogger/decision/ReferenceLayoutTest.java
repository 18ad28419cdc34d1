package com.biometriclogger.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReferenceLayoutTest {

    private static final ReferenceLayout LAYOUT = new ReferenceLayout("references/");

    @Test
    void theSubjectIsTheFileNameOrTheFolderOfANamedReference() {
        assertEquals(Optional.of("alice"), LAYOUT.subjectOf("references/alice.jpg"));
        assertEquals(Optional.of("bob.smith"), LAYOUT.subjectOf("references/bob.smith.png"));
        assertEquals(Optional.of("alice"), LAYOUT.subjectOf("references/alice/glasses.jpg"));
        assertEquals(Optional.of("alice"), LAYOUT.subjectOf("references/alice/2026.beard.jpg"));
    }

    @Test
    void keysOfNeitherShapeHaveNoSubject() {
        assertEquals(Optional.empty(), LAYOUT.subjectOf("references/alice/2026/glasses.jpg"));
        assertEquals(Optional.empty(), LAYOUT.subjectOf("references/alice/"));
        assertEquals(Optional.empty(), LAYOUT.subjectOf("references//glasses.jpg"));
        assertEquals(Optional.empty(), LAYOUT.subjectOf("uploads/alice/door.jpg"));
    }

    @Test
    void aSubjectsReferencesAreItsFileAndEverythingInItsFolder() {
        assertTrue(LAYOUT.isReferenceOf("references/alice.jpg", "alice"));
        assertTrue(LAYOUT.isReferenceOf("references/alice/glasses.jpg", "alice"));
        assertTrue(LAYOUT.isReferenceOf("references/alice/2026/glasses.jpg", "alice"), "erase takes nested keys too");
        assertFalse(LAYOUT.isReferenceOf("references/alice.old.jpg", "alice"), "subject alice.old's");
        assertFalse(LAYOUT.isReferenceOf("references/alice.old/glasses.jpg", "alice"));
        assertFalse(LAYOUT.isReferenceOf("references/alice2/glasses.jpg", "alice"));
        assertFalse(LAYOUT.isReferenceOf("references/alice", "alice"));
    }
}
