package com.biometriclogger.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextWrapTest {

    @Test
    void shortTextStaysOnOneLine() {
        assertEquals("  changed a to b", TextWrap.wrap("  ", "    ", "changed a to b"));
    }

    @Test
    void longTextBreaksBetweenWordsWithinHundredColumnsWithTheIndent() {
        String text = "sealed in hour 2026-12-01T12 UTC with digest " + "a".repeat(64) + ", its content now hashes to "
                + "b".repeat(64);

        String wrapped = TextWrap.wrap("    ", "    ", text);

        assertEquals("    sealed in hour 2026-12-01T12 UTC with digest\n    " + "a".repeat(64)
                + ", its content now hashes to\n    " + "b".repeat(64), wrapped);
        wrapped.lines().forEach(line -> assertTrue(line.length() <= TextWrap.MAX_COLUMNS, line));
    }
}
