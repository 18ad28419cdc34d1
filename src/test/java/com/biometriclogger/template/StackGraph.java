package com.biometriclogger.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/** The resources of an expanded template and how they refer to each other, for TemplateSemantics' rules. */
final class StackGraph {

    /** The resource types encrypted with a KMS key named somewhere in their properties. */
    static final Set<String> ENCRYPTED_TYPES = Set.of("AWS::Logs::LogGroup", "AWS::SNS::Topic",
            "AWS::SQS::Queue", "AWS::S3::Bucket", "AWS::DynamoDB::Table");

    static final String ACCOUNT = "{\"Ref\":\"AWS::AccountId\"}";

    private final JsonNode resources;

    StackGraph(JsonNode template) {
        this.resources = template.get("Resources");
    }

    Map<String, JsonNode> ofType(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        resources.properties().forEach(e -> {
            if (e.getValue().path("Type").asText().equals(type)) {
                found.put(e.getKey(), e.getValue());
            }
        });
        return found;
    }

    /** The resources of the encrypted types whose properties name the key. */
    Map<String, JsonNode> encryptedWith(String key) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        resources.properties().forEach(e -> {
            if (ENCRYPTED_TYPES.contains(e.getValue().path("Type").asText()) && names(e.getValue().get("Properties"), key)) {
                found.put(e.getKey(), e.getValue());
            }
        });
        return found;
    }

    Map<String, JsonNode> bucketsNotifying(String destination) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        ofType("AWS::S3::Bucket").forEach((id, bucket) -> {
            JsonNode notifications = bucket.at("/Properties/NotificationConfiguration");
            if (names(notifications.path("TopicConfigurations"), destination) || names(notifications.path("QueueConfigurations"), destination)) {
                found.put(id, bucket);
            }
        });
        return found;
    }

    Map<String, JsonNode> rulesTargeting(String destination) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        ofType("AWS::Events::Rule").forEach((id, rule) -> {
            if (names(rule.at("/Properties/Targets"), destination)) {
                found.put(id, rule);
            }
        });
        return found;
    }

    Map<String, JsonNode> alarmsPublishingTo(String topic) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        ofType("AWS::CloudWatch::Alarm").forEach((id, alarm) -> {
            for (String actions : List.of("AlarmActions", "OKActions", "InsufficientDataActions")) {
                if (each(alarm.at("/Properties/" + actions)).stream().anyMatch(a -> a.path("Ref").asText().equals(topic))) {
                    found.put(id, alarm);
                }
            }
        });
        return found;
    }

    /** The bucket of this stack whose ARN the value is (same !Sub pattern and variables as its BucketName). */
    Optional<String> notifyingBucket(JsonNode sourceArn) {
        return ofType("AWS::S3::Bucket").entrySet().stream()
                .filter(e -> bucketArn(sourceArn, e.getValue(), false))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The resource of the stack a policy Resource points at: its own ARN (or a topic's Ref), a path under it, or a bucket by name. */
    Optional<String> target(JsonNode resource) {
        for (JsonNode value : each(resource)) {
            if (value.has("Fn::GetAtt")) {
                return Optional.of(value.get("Fn::GetAtt").get(0).asText());
            }
            if (value.has("Ref")) {
                return Optional.of(value.get("Ref").asText());
            }
            Optional<String> sub = subText(value);
            if (sub.isPresent()) {
                var matcher = Pattern.compile("^\\$\\{(\\w+)\\.Arn}").matcher(sub.get());
                if (matcher.find()) {
                    return Optional.of(matcher.group(1));
                }
                for (var bucket : ofType("AWS::S3::Bucket").entrySet()) {
                    if (bucketArn(value, bucket.getValue(), true)) {
                        return Optional.of(bucket.getKey());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The KMS key of the stack a value names ({@code !GetAtt K.Arn} or {@code !Ref K}, or such a key
     * unless a parameter names its replacement).
     */
    Optional<String> keyOf(JsonNode value) {
        if (value != null && value.has("Fn::If")) {
            return keyOf(value.get("Fn::If").get(1));
        }
        String id = value == null ? "" : value.has("Fn::GetAtt") ? value.get("Fn::GetAtt").get(0).asText() : value.path("Ref").asText();
        return ofType("AWS::KMS::Key").containsKey(id) ? Optional.of(id) : Optional.empty();
    }

    static String logGroupArn(String id, JsonNode group, List<String> violations) {
        return arnByName(id, group, "LogGroupName", "logs:${AWS::Region}:${AWS::AccountId}:log-group:",
                "its encryption context", violations);
    }

    static String alarmArn(String id, JsonNode alarm, List<String> violations) {
        return arnByName(id, alarm, "AlarmName", "cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:", "aws:SourceArn", violations);
    }

    /** The resource's ARN from its name property; a generated name cannot be written in a key policy. */
    static String arnByName(String id, JsonNode resource, String nameProperty, String arnPrefix, String where,
            List<String> violations) {
        Optional<String> name = subText(resource.at("/Properties/" + nameProperty));
        if (name.isEmpty()) {
            violations.add(id + ": no " + nameProperty + ", so no key policy can name it in " + where);
            return id;
        }
        return "arn:${AWS::Partition}:" + arnPrefix + name.get();
    }

    static boolean names(JsonNode node, String resource) {
        if (node == null) {
            return false;
        }
        if (node.has("Fn::GetAtt") && node.get("Fn::GetAtt").get(0).asText().equals(resource)) {
            return true;
        }
        if (node.path("Ref").asText().equals(resource)) {
            return true;
        }
        return StreamSupport.stream(node.spliterator(), false).anyMatch(child -> names(child, resource));
    }

    /** True when the value is the bucket's ARN built from its BucketName's !Sub (or, with objects, a path under it). */
    static boolean bucketArn(JsonNode value, JsonNode bucket, boolean objects) {
        JsonNode name = bucket.at("/Properties/BucketName");
        Optional<String> valueText = subText(value);
        Optional<String> nameText = subText(name);
        if (valueText.isEmpty() || nameText.isEmpty() || !subVariables(value).equals(subVariables(name))) {
            return false;
        }
        String arn = "arn:${AWS::Partition}:s3:::" + nameText.get();
        return valueText.get().equals(arn) || (objects && valueText.get().startsWith(arn + "/"));
    }

    static Optional<String> subText(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return Optional.empty();
        }
        if (value.isTextual()) {
            return Optional.of(value.asText());
        }
        JsonNode sub = value.get("Fn::Sub");
        if (sub == null) {
            return Optional.empty();
        }
        return Optional.of(sub.isArray() ? sub.get(0).asText() : sub.asText());
    }

    static String subVariables(JsonNode value) {
        JsonNode sub = value.path("Fn::Sub");
        return sub.isArray() ? sub.get(1).toString() : "";
    }

    static List<String> arnCondition(JsonNode condition, String key) {
        Set<String> values = new LinkedHashSet<>();
        for (String operator : List.of("ArnEquals", "ArnLike", "StringEquals", "StringLike")) {
            for (JsonNode value : each(condition.path(operator).path(key))) {
                values.add(subText(value).orElse(value.toString()));
            }
        }
        return List.copyOf(values);
    }

    static Pattern glob(String pattern) {
        String[] parts = pattern.split("\\*", -1);
        StringBuilder regex = new StringBuilder(Pattern.quote(parts[0]));
        for (int i = 1; i < parts.length; i++) {
            regex.append(".*").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }

    static List<JsonNode> each(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        return node.isArray() ? StreamSupport.stream(node.spliterator(), false).toList() : List.of(node);
    }
}
