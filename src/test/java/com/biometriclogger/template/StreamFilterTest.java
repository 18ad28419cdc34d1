package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.event.ruler.Machine;

/**
 * The event source mappings' filter, run by AWS's own EventBridge pattern engine (the one Lambda's
 * event filtering uses): an INSERT, which every write of ours is, never invokes the change alarm;
 * a MODIFY and a REMOVE always do.
 */
class StreamFilterTest {

    private static final Map<String, Object> TEMPLATE = CloudFormationYaml.load(Path.of("template.yaml"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bothMappingsPassModifyAndRemoveAndDropInsert() throws Exception {
        var records = JSON.readTree(Path.of("events/evidence-changes.json").toFile()).get("Records");
        for (String mapping : List.of("AuditTableChanges", "SealTableChanges")) {
            var machine = Machine.builder().build();
            machine.addRule(mapping, pattern(mapping));
            List<String> invoked = new ArrayList<>();
            for (JsonNode record : records) {
                if (!machine.rulesForJSONEvent(JSON.writeValueAsString(record)).isEmpty()) {
                    invoked.add(record.get("eventName").asText());
                }
            }
            assertEquals(List.of("MODIFY", "REMOVE"), invoked, mapping);
        }
    }

    @SuppressWarnings("unchecked")
    private static String pattern(String mapping) {
        var properties = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) TEMPLATE.get("Resources")).get(mapping)).get("Properties");
        var filters = (List<Map<String, Object>>) ((Map<String, Object>) properties.get("FilterCriteria")).get("Filters");
        assertEquals(1, filters.size(), mapping + ": one filter (several are OR-ed)");
        return (String) filters.get(0).get("Pattern");
    }
}
