package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.event.ruler.Machine;

/**
 * The control-plane rule's event pattern, with the template's references resolved as one deployment
 * would resolve them, run by AWS's own EventBridge matcher against sample CloudTrail events (in
 * CloudTrail's record format, as EventBridge delivers them): every listed action on a resource of the
 * stack matches, and the same actions on other resources, read-only calls, data events and service
 * events do not.
 */
class ControlPlaneRuleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyListedActionOnAResourceOfTheStackMatches() throws Exception {
        var machine = machine();
        List<String> missed = new ArrayList<>();
        for (JsonNode event : samples("control-plane-changes.json")) {
            if (machine.rulesForJSONEvent(JSON.writeValueAsString(event)).isEmpty()) {
                missed.add(event.at("/detail/eventSource").asText() + " " + event.at("/detail/eventName").asText());
            }
        }
        assertEquals(List.of(), missed, "control-plane changes the rule does not announce");
    }

    @Test
    void otherResourcesReadOnlyCallsDataEventsAndServiceEventsDoNotMatch() throws Exception {
        var machine = machine();
        List<String> matched = new ArrayList<>();
        for (JsonNode event : samples("unrelated-calls.json")) {
            if (!machine.rulesForJSONEvent(JSON.writeValueAsString(event)).isEmpty()) {
                matched.add(event.at("/detail/eventSource").asText() + " " + event.at("/detail/eventName").asText());
            }
        }
        assertEquals(List.of(), matched, "calls the rule should not announce");
    }

    /** Each action the pattern names has a matching sample: the list and the samples cannot drift apart. */
    @Test
    void everyActionThePatternNamesHasASample() throws Exception {
        Set<String> sampled = new TreeSet<>();
        samples("control-plane-changes.json").forEach(e -> sampled.add(e.at("/detail/eventName").asText()));
        List<String> unsampled = new ArrayList<>();
        for (JsonNode branch : branches(Deployment.defaults())) {
            for (JsonNode name : branch.get("eventName")) {
                boolean covered = name.has("prefix") ? sampled.stream().anyMatch(s -> s.startsWith(name.get("prefix").asText()))
                        : sampled.contains(name.asText());
                if (!covered) {
                    unsampled.add(name.toString());
                }
            }
        }
        assertEquals(List.of(), unsampled);
        assertTrue(sampled.size() >= 40, "samples for " + sampled);
    }

    /**
     * A replacement key lives outside the stack; while a parameter names it, a change to its policy or
     * state is announced like one to the stack's own keys (and a key the stack does not use is not).
     */
    @Test
    void aReplacementKeyNamedByItsParameterIsWatchedLikeTheStacksOwn() throws Exception {
        String replacement = "arn:aws:kms:eu-west-1:123456789012:key/0d1e2f30-0000-4000-8000-00000000000a";
        var putKeyPolicy = (ObjectNode) samples("control-plane-changes.json").stream()
                .filter(e -> e.at("/detail/eventName").asText().equals("PutKeyPolicy")).findFirst().orElseThrow().deepCopy();
        ((ObjectNode) putKeyPolicy.at("/detail/resources/0")).put("ARN", replacement);
        String event = JSON.writeValueAsString(putKeyPolicy);

        assertTrue(machine(Deployment.defaults()).rulesForJSONEvent(event).isEmpty(), "not the stack's key by default");
        for (String parameter : List.of("ReplacementSigningKeyArn", "ReplacementSealSigningKeyArn")) {
            assertEquals(List.of("ControlPlaneKeysRule"),
                    machine(Deployment.defaults().with(parameter, replacement)).rulesForJSONEvent(event), parameter);
        }
    }

    private static Machine machine() throws Exception {
        return machine(Deployment.defaults());
    }

    /** The control-plane rules, each under its logical id (the stack creates its archive and access-log buckets). */
    private static Machine machine(Deployment deployment) throws Exception {
        var machine = Machine.builder().build();
        for (var rule : controlPlaneRules(deployment).entrySet()) {
            machine.addRule(rule.getKey(), JSON.writeValueAsString(rule.getValue().get("EventPattern")));
        }
        return machine;
    }

    private static List<JsonNode> branches(Deployment deployment) {
        List<JsonNode> branches = new ArrayList<>();
        controlPlaneRules(deployment).values().forEach(r -> {
            JsonNode detail = JSON.valueToTree(r.get("EventPattern")).get("detail");
            (detail.has("$or") ? detail.get("$or") : JSON.createArrayNode().add(detail)).forEach(branches::add);
        });
        return branches;
    }

    private static Map<String, Map<String, Object>> controlPlaneRules(Deployment deployment) {
        var rules = new TreeMap<>(deployment.resources("AWS::Events::Rule"));
        rules.values().removeIf(r -> !r.containsKey("EventPattern"));
        assertEquals(5, rules.size(), rules.keySet().toString());
        return rules;
    }

    private static List<JsonNode> samples(String file) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        JSON.readTree(Path.of("src/test/resources/cloudtrail", file).toFile()).forEach(events::add);
        return events;
    }
}
