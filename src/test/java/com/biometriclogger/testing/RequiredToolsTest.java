package com.biometriclogger.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequiredToolsTest {

    @Test
    void aMissingToolFailsTheTestWithOneLineSayingHowToGetIt() {
        var missing = assertThrows(AssertionError.class,
                () -> RequiredTools.requireOnPath("no-such-tool-b10", "a tool that does not exist (Debian package none)"));

        assertEquals("no-such-tool-b10 is not on PATH: this test needs a tool that does not exist (Debian package none); "
                + "bash .ci/run installs it", missing.getMessage());
    }

    @Test
    void aToolOnPathPassesAndAScriptSucceedsOnlyWhenItExitsZero() {
        assertDoesNotThrow(() -> RequiredTools.requireOnPath("bash", "bash"));
        assertTrue(RequiredTools.succeeds("command -v bash"));
        assertFalse(RequiredTools.succeeds("exit 3"));
    }
}
