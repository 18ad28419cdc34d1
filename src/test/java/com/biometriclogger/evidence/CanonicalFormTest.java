package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalFormTest {

    @Test
    void keysAreSortedAndTheSignatureIsLeftOut() {
        Map<String, String> item = new LinkedHashMap<>();
        item.put("signature", "MEUCIQ==");
        item.put("zeta", "1");
        item.put("Alpha", "2");
        item.put("alpha", "3");

        assertEquals("{\"Alpha\":\"2\",\"alpha\":\"3\",\"zeta\":\"1\"}",
                new String(CanonicalForm.of(item), StandardCharsets.UTF_8));
    }

    @Test
    void stringsAreEscapedAsRfc8785AndJsonStringifyDo() {
        var item = Map.of("k", "quote\" back\\ nl\n cr\r tab\t bs\b ff\f unit\u001f del\u007f slash/ é ✓ 😀");

        assertEquals("{\"k\":\"quote\\\" back\\\\ nl\\n cr\\r tab\\t bs\\b ff\\f unit\\u001f del\u007f slash/ é ✓ 😀\"}",
                new String(CanonicalForm.of(item), StandardCharsets.UTF_8));
    }

    @Test
    void theJsonOfAnItemKeepsItsSignature() {
        assertEquals("{\"a\":\"1\",\"signature\":\"s\"}", CanonicalForm.json(Map.of("signature", "s", "a", "1")));
    }
}
