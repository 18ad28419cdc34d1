package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Map<String, Object> TEMPLATE = CloudFormationYaml.load(Path.of("template.yaml"));
    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "eu-west-1";
    private static final String STACK = "biometric-logger";
    private static final String STACK_ID = "arn:aws:cloudformation:eu-west-1:123456789012:stack/biometric-logger/"
            + "5f1e7b40-8a2c-11f0-9a3e-0a1b2c3d4e5f";

    /** What !Ref and !GetAtt give in the deployment the samples were written for. */
    private static final Map<String, String> RESOLVED = Map.ofEntries(
            Map.entry("DataKey.Arn", "arn:aws:kms:eu-west-1:123456789012:key/0d1e2f30-0000-4000-8000-000000000001"),
            Map.entry("SigningKey.Arn", "arn:aws:kms:eu-west-1:123456789012:key/0d1e2f30-0000-4000-8000-000000000002"),
            Map.entry("SealSigningKey.Arn", "arn:aws:kms:eu-west-1:123456789012:key/0d1e2f30-0000-4000-8000-000000000003"),
            Map.entry("AuditTable", "biometric-logger-AuditTable-1A2B3C4D5E6F"),
            Map.entry("AuditTable.Arn", "arn:aws:dynamodb:eu-west-1:123456789012:table/biometric-logger-AuditTable-1A2B3C4D5E6F"),
            Map.entry("AuditTable.StreamArn", "arn:aws:dynamodb:eu-west-1:123456789012:table/biometric-logger-AuditTable-1A2B3C4D5E6F"
                    + "/stream/2026-05-01T00:00:00.000"),
            Map.entry("SealTable", "biometric-logger-SealTable-6F5E4D3C2B1A"),
            Map.entry("SealTable.Arn", "arn:aws:dynamodb:eu-west-1:123456789012:table/biometric-logger-SealTable-6F5E4D3C2B1A"),
            Map.entry("SealTable.StreamArn", "arn:aws:dynamodb:eu-west-1:123456789012:table/biometric-logger-SealTable-6F5E4D3C2B1A"
                    + "/stream/2026-05-01T00:00:00.000"),
            Map.entry("SealArchiveBucket", "biometric-logger-sealarchivebucket-1q2w3e4r5t6y"),
            Map.entry("AccessLogBucket", "biometric-logger-accesslogbucket-7u8i9o0p1a2s"),
            Map.entry("AuditTableChanges", "6d9bfbd5-0b5c-4f5e-9c57-0f7c1f3e0a11"),
            Map.entry("SealTableChanges", "6d9bfbd5-0b5c-4f5e-9c57-0f7c1f3e0a12"),
            Map.entry("ChangeAlarmFunction", "biometric-logger-ChangeAlarmFunction-Qw3rTy"),
            Map.entry("ChangeAlarmFunction.Arn", "arn:aws:lambda:eu-west-1:123456789012:function:biometric-logger-ChangeAlarmFunction-Qw3rTy"),
            Map.entry("AlertTopic", "arn:aws:sns:eu-west-1:123456789012:biometric-logger-alerts"),
            Map.entry("SealFunctionHourly", "biometric-logger-SealFunctionHourly-Zx9Cv8"),
            Map.entry("AWS::StackId", STACK_ID),
            Map.entry("AWS::StackName", STACK),
            Map.entry("AWS::AccountId", ACCOUNT),
            Map.entry("AWS::Region", REGION),
            Map.entry("AWS::Partition", "aws"));
    /** The default deployment: the stack creates its archive and access-log buckets. */
    private static final Set<String> TRUE_CONDITIONS = Set.of("CreateSealArchiveBucket", "CreateAccessLogBucket");

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
        for (JsonNode branch : pattern().at("/detail/$or")) {
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

    private static Machine machine() throws Exception {
        var machine = new Machine();
        machine.addRule("ControlPlaneChangesRule", JSON.writeValueAsString(pattern()));
        return machine;
    }

    @SuppressWarnings("unchecked")
    private static JsonNode pattern() {
        var rule = (Map<String, Object>) ((Map<String, Object>) TEMPLATE.get("Resources")).get("ControlPlaneChangesRule");
        return JSON.valueToTree(resolve(((Map<String, Object>) rule.get("Properties")).get("EventPattern"), Map.of()));
    }

    private static List<JsonNode> samples(String file) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        JSON.readTree(Path.of("src/test/resources/cloudtrail", file).toFile()).forEach(events::add);
        return events;
    }

    /** The intrinsic functions the pattern uses, evaluated as CloudFormation would for the deployment above. */
    @SuppressWarnings("unchecked")
    private static Object resolve(Object value, Map<String, String> variables) {
        if (value instanceof List<?> list) {
            return list.stream().map(v -> resolve(v, variables)).toList();
        }
        if (!(value instanceof Map<?, ?> map)) {
            return value;
        }
        if (map.containsKey("Ref")) {
            return known((String) map.get("Ref"));
        }
        if (map.containsKey("Fn::GetAtt")) {
            var att = (List<String>) map.get("Fn::GetAtt");
            return known(att.get(0) + "." + att.get(1));
        }
        if (map.containsKey("Fn::If")) {
            var branches = (List<Object>) map.get("Fn::If");
            return resolve(branches.get(TRUE_CONDITIONS.contains((String) branches.get(0)) ? 1 : 2), variables);
        }
        if (map.containsKey("Fn::Select")) {
            var args = (List<Object>) map.get("Fn::Select");
            return ((List<Object>) resolve(args.get(1), variables)).get((Integer) args.get(0));
        }
        if (map.containsKey("Fn::Split")) {
            var args = (List<Object>) map.get("Fn::Split");
            return List.of(((String) resolve(args.get(1), variables)).split(Pattern.quote((String) args.get(0)), -1));
        }
        if (map.containsKey("Fn::Sub")) {
            Object sub = map.get("Fn::Sub");
            Map<String, String> own = new LinkedHashMap<>(variables);
            String text = sub instanceof List<?> args ? (String) args.get(0) : (String) sub;
            if (sub instanceof List<?> args) {
                ((Map<String, Object>) args.get(1)).forEach((name, v) -> own.put(name, (String) resolve(v, variables)));
            }
            Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(own.containsKey(m.group(1)) ? own.get(m.group(1)) : known(m.group(1))));
            }
            return m.appendTail(out).toString();
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        map.forEach((k, v) -> resolved.put((String) k, resolve(v, variables)));
        return resolved;
    }

    private static String known(String reference) {
        String value = RESOLVED.get(reference);
        if (value == null) {
            throw new AssertionError("the pattern refers to " + reference + ", which this test has no deployment value for");
        }
        return value;
    }
}
