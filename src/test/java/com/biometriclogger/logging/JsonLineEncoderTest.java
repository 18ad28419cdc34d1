package com.biometriclogger.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

class JsonLineEncoderTest {

    private final JsonLineEncoder encoder = new JsonLineEncoder();

    @Test
    void mdcAndKeyValuesBecomeTopLevelFieldsOfOneLine() throws Exception {
        var context = new LoggerContext();
        var event = new LoggingEvent("fqcn", context.getLogger("com.example.Verifier"), Level.INFO,
                "decision \"recorded\"\n", null, null);
        event.setTimeStamp(1_777_796_040_250L);
        event.setMDCPropertyMap(Map.of("requestId", "req-1"));
        event.addKeyValuePair(new KeyValuePair("decision", "AUTHORIZED"));
        event.addKeyValuePair(new KeyValuePair("totalMs", 42L));
        event.addKeyValuePair(new KeyValuePair("key", "uploads/caf\u00e9\t\u0001.jpg"));

        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

        assertEquals(1, line.split("\n", -1).length - 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = new ObjectMapper().readValue(line, Map.class);
        assertEquals("2026-05-03T08:14:00.250Z", json.get("timestamp"));
        assertEquals("INFO", json.get("level"));
        assertEquals("com.example.Verifier", json.get("logger"));
        assertEquals("decision \"recorded\"\n", json.get("message"));
        assertEquals("req-1", json.get("requestId"));
        assertEquals("AUTHORIZED", json.get("decision"));
        assertEquals(42, json.get("totalMs"));
        assertEquals("uploads/caf\u00e9\t\u0001.jpg", json.get("key"));
        assertEquals(List.of("decision", "key", "level", "logger", "message", "requestId", "timestamp", "totalMs"),
                json.keySet().stream().sorted().toList());
    }
}
