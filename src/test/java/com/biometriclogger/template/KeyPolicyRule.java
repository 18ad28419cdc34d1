package com.biometriclogger.template;

import static com.biometriclogger.template.StackGraph.ACCOUNT;
import static com.biometriclogger.template.StackGraph.alarmArn;
import static com.biometriclogger.template.StackGraph.arnByName;
import static com.biometriclogger.template.StackGraph.arnCondition;
import static com.biometriclogger.template.StackGraph.each;
import static com.biometriclogger.template.StackGraph.glob;
import static com.biometriclogger.template.StackGraph.logGroupArn;
import static com.biometriclogger.template.StackGraph.names;
import static com.biometriclogger.template.StackGraph.subText;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** TemplateSemantics' rule for the service principals of the KMS key policies. */
final class KeyPolicyRule {

    /** The key-policy actions a service principal may be given: encryption, never administration. */
    private static final Set<String> SERVICE_KEY_ACTIONS =
            Set.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*",
                    "kms:Decrypt", "kms:GenerateDataKey", "kms:Encrypt");

    private static final String LOGS_CONTEXT = "kms:EncryptionContext:aws:logs:arn";

    private KeyPolicyRule() {
    }

    /**
     * Every KMS key allows exactly the service principals that must use it in their own name
     * (CloudWatch Logs for each log group it encrypts, CloudWatch for each alarm publishing to a topic
     * it encrypts, S3 for each bucket notifying a topic or queue it encrypts, EventBridge for a rule
     * targeting one), each conditioned on this stack's resources where the service sends the
     * condition keys, with encryption actions only.
     */
    static List<String> servicePrincipals(StackGraph stack) {
        List<String> violations = new ArrayList<>();
        stack.ofType("AWS::KMS::Key").forEach((key, resource) -> {
            Map<String, List<String>> required = new LinkedHashMap<>();
            stack.encryptedWith(key).forEach((id, encrypted) -> {
                if (encrypted.get("Type").asText().equals("AWS::Logs::LogGroup")) {
                    required.computeIfAbsent("logs", s -> new ArrayList<>()).add(logGroupArn(id, encrypted, violations));
                }
                if (encrypted.get("Type").asText().equals("AWS::SNS::Topic")) {
                    stack.alarmsPublishingTo(id).forEach((alarm, alarmResource) ->
                            required.computeIfAbsent("cloudwatch", s -> new ArrayList<>())
                                    .add(alarmArn(alarm, alarmResource, violations)));
                }
                if (Set.of("AWS::SNS::Topic", "AWS::SQS::Queue").contains(encrypted.get("Type").asText())) {
                    stack.bucketsNotifying(id).forEach((bucket, bucketResource) ->
                            required.computeIfAbsent("s3", s -> new ArrayList<>())
                                    .add(arnByName(bucket, bucketResource, "BucketName", "s3:::", "aws:SourceArn", violations)));
                    stack.rulesTargeting(id).keySet().forEach(rule -> required.computeIfAbsent("events", s -> new ArrayList<>()).add(rule));
                }
            });
            Set<String> granted = new TreeSet<>();
            for (JsonNode statement : each(resource.at("/Properties/KeyPolicy/Statement"))) {
                JsonNode service = statement.at("/Principal/Service");
                if (service.isMissingNode()) {
                    continue;
                }
                for (JsonNode name : each(service)) {
                    String principal = subText(name).orElse(name.toString());
                    String id = principal.substring(0, principal.indexOf('.'));
                    granted.add(id);
                    checkServiceStatement(key, principal, id, statement, required.getOrDefault(id, List.of()), violations);
                }
            }
            for (String needed : required.keySet()) {
                if (!granted.contains(needed)) {
                    violations.add(key + ": " + required.get(needed) + " use the key, but its policy does not allow " + needed
                            + " (the service refuses the key and the resource fails to create)");
                }
            }
            for (String extra : granted) {
                if (!required.containsKey(extra)) {
                    violations.add(key + ": the policy allows the service " + extra + ", which no resource of the stack needs");
                }
            }
        });
        return violations;
    }

    private static void checkServiceStatement(String key, String principal, String service, JsonNode statement,
            List<String> covered, List<String> violations) {
        String where = key + " (" + principal + "): ";
        for (JsonNode action : each(statement.get("Action"))) {
            if (!SERVICE_KEY_ACTIONS.contains(action.asText())) {
                violations.add(where + "a service principal is given " + action.asText());
            }
        }
        JsonNode condition = statement.path("Condition");
        if (service.equals("logs")) {
            List<String> names = arnCondition(condition, LOGS_CONTEXT);
            if (names.isEmpty()) {
                violations.add(where + "no " + LOGS_CONTEXT + " condition: any log group could use the key");
            }
            requireCovered(where, LOGS_CONTEXT, names, covered, violations);
            return;
        }
        List<String> sources = arnCondition(condition, "aws:SourceArn");
        if (service.equals("events")) {
            if (!sources.isEmpty() || !condition.at("/StringEquals/aws:SourceAccount").isMissingNode()) {
                violations.add(where + "EventBridge sends KMS no aws:SourceArn/aws:SourceAccount: the condition drops every event");
            }
            return;
        }
        if (sources.isEmpty()) {
            violations.add(where + "no aws:SourceArn condition: any resource of the service could use the key");
        }
        requireCovered(where, "aws:SourceArn", sources, covered, violations);
        if (!ACCOUNT.equals(condition.at("/StringEquals/aws:SourceAccount").toString())) {
            violations.add(where + "no aws:SourceAccount condition equal to the stack's account");
        }
    }

    private static void requireCovered(String where, String conditionKey, List<String> patterns, List<String> arns,
            List<String> violations) {
        for (String arn : arns) {
            if (patterns.stream().noneMatch(pattern -> glob(pattern).matcher(arn).matches())) {
                violations.add(where + conditionKey + " " + patterns + " does not cover " + arn);
            }
        }
    }
}
