package com.biometriclogger.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * What the services require of an expanded template that neither cfn-lint nor cfn-guard can see,
 * each rule over every resource of its type, so it covers resources added later. A rule returns
 * one line per violation, naming the resource.
 */
final class TemplateSemantics {

    /** The key-policy actions a service principal may be given: encryption, never administration. */
    private static final Set<String> SERVICE_KEY_ACTIONS =
            Set.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*",
                    "kms:Decrypt", "kms:GenerateDataKey", "kms:Encrypt");

    /** KMS actions a service performs with the caller's permissions (kms:ViaService applies to them). */
    private static final Pattern DATA_KEY_ACTION = Pattern.compile("kms:(Decrypt|Encrypt|ReEncrypt.*|GenerateDataKey.*)");

    /** Services that use a customer-managed key with their caller's permissions, so the caller's role needs them. */
    private static final Set<String> CALLER_KEY_SERVICES = Set.of("s3", "dynamodb", "sqs", "sns");

    /** The resource types encrypted with a KMS key named somewhere in their properties. */
    private static final Set<String> ENCRYPTED_TYPES = Set.of("AWS::Logs::LogGroup", "AWS::SNS::Topic",
            "AWS::SQS::Queue", "AWS::S3::Bucket", "AWS::DynamoDB::Table");

    private static final Set<String> KEPT = Set.of("Retain", "RetainExceptOnCreate");

    private static final String LOGS_CONTEXT = "kms:EncryptionContext:aws:logs:arn";
    private static final String BREAK_GLASS_WHEN_SET =
            "{\"Fn::If\":[\"HasBreakGlassRole\",{\"Ref\":\"BreakGlassRoleArn\"},{\"Ref\":\"AWS::NoValue\"}]}";
    private static final String REVIEWER_WHEN_SET =
            "{\"Fn::If\":[\"HasReviewerRole\",{\"Ref\":\"ReviewerRoleArn\"},{\"Ref\":\"AWS::NoValue\"}]}";
    private static final String ACCOUNT = "{\"Ref\":\"AWS::AccountId\"}";

    private final JsonNode resources;

    TemplateSemantics(JsonNode template) {
        this.resources = template.get("Resources");
    }

    /**
     * Every KMS key allows exactly the service principals that must use it in their own name
     * (CloudWatch Logs for each log group it encrypts, CloudWatch for each alarm publishing to a topic
     * it encrypts, S3 for each bucket notifying a topic or queue it encrypts, EventBridge for a rule
     * targeting one), each conditioned on this stack's resources where the service sends the
     * condition keys, with encryption actions only.
     */
    List<String> keyPolicyServicePrincipals() {
        List<String> violations = new ArrayList<>();
        ofType("AWS::KMS::Key").forEach((key, resource) -> {
            Map<String, List<String>> required = new LinkedHashMap<>();
            encryptedWith(key).forEach((id, encrypted) -> {
                if (encrypted.get("Type").asText().equals("AWS::Logs::LogGroup")) {
                    required.computeIfAbsent("logs", s -> new ArrayList<>()).add(logGroupArn(id, encrypted, violations));
                }
                if (encrypted.get("Type").asText().equals("AWS::SNS::Topic")) {
                    alarmsPublishingTo(id).forEach((alarm, alarmResource) ->
                            required.computeIfAbsent("cloudwatch", s -> new ArrayList<>())
                                    .add(alarmArn(alarm, alarmResource, violations)));
                }
                if (Set.of("AWS::SNS::Topic", "AWS::SQS::Queue").contains(encrypted.get("Type").asText())) {
                    bucketsNotifying(id).forEach((bucket, bucketResource) ->
                            required.computeIfAbsent("s3", s -> new ArrayList<>())
                                    .add(arnByName(bucket, bucketResource, "BucketName", "s3:::", "aws:SourceArn", violations)));
                    rulesTargeting(id).keySet().forEach(rule -> required.computeIfAbsent("events", s -> new ArrayList<>()).add(rule));
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

    /** Every Lambda permission names the one source (SourceArn) and its account (SourceAccount). */
    List<String> lambdaPermissionsNameTheirSource() {
        List<String> violations = new ArrayList<>();
        ofType("AWS::Lambda::Permission").forEach((id, permission) -> {
            JsonNode properties = permission.get("Properties");
            JsonNode source = properties.path("SourceArn");
            if (source.isMissingNode()) {
                violations.add(id + ": no SourceArn, so any " + properties.path("Principal").asText() + " resource may invoke");
            } else if (source.toString().contains("*")) {
                violations.add(id + ": SourceArn " + source + " is a pattern, not one source");
            } else if (properties.path("Principal").asText().equals("s3.amazonaws.com") && notifyingBucket(source).isEmpty()) {
                violations.add(id + ": SourceArn " + source + " is no bucket of this stack");
            }
            if (!ACCOUNT.equals(properties.path("SourceAccount").toString())) {
                violations.add(id + ": no SourceAccount equal to the stack's account (an ARN without an account, like a bucket's, can change hands)");
            }
        });
        return violations;
    }

    /**
     * Every log group is encrypted with a key of the stack, has a retention and outlives a stack
     * deletion; every function logs to one of them (Lambda's default group is unencrypted and kept
     * forever).
     */
    List<String> logGroupsAreEncryptedAndRetained() {
        List<String> violations = new ArrayList<>();
        ofType("AWS::Logs::LogGroup").forEach((id, group) -> {
            JsonNode key = group.at("/Properties/KmsKeyId");
            if (key.isMissingNode() || keyOf(key).isEmpty()) {
                violations.add(id + ": not encrypted with a key of this stack (it carries object keys, i.e. subject ids)");
            }
            if (group.at("/Properties/RetentionInDays").isMissingNode()) {
                violations.add(id + ": no RetentionInDays, so its lines are kept forever");
            }
            if (!KEPT.contains(group.path("DeletionPolicy").asText()) || !KEPT.contains(group.path("UpdateReplacePolicy").asText())) {
                violations.add(id + ": deleted with the stack (DeletionPolicy/UpdateReplacePolicy not Retain)");
            }
        });
        ofType("AWS::Lambda::Function").forEach((id, function) -> {
            String group = function.at("/Properties/LoggingConfig/LogGroup/Ref").asText();
            if (!ofType("AWS::Logs::LogGroup").containsKey(group)) {
                violations.add(id + ": does not log to a log group of this stack (LoggingConfig.LogGroup)");
            }
        });
        return violations;
    }

    /**
     * Every role statement that uses a data key through another service carries kms:ViaService,
     * naming exactly the services through which the role reaches resources encrypted with that key.
     */
    List<String> roleKeyUseGoesThroughTheServices() {
        List<String> violations = new ArrayList<>();
        ofType("AWS::IAM::Role").forEach((role, resource) -> {
            List<JsonNode> statements = new ArrayList<>();
            for (JsonNode policy : each(resource.at("/Properties/Policies"))) {
                each(policy.at("/PolicyDocument/Statement")).forEach(statements::add);
            }
            for (JsonNode statement : statements) {
                if (each(statement.get("Action")).stream().noneMatch(a -> DATA_KEY_ACTION.matcher(a.asText()).matches())) {
                    continue;
                }
                String where = role + "/" + statement.path("Sid").asText("?") + ": ";
                Optional<String> key = keyOf(statement.get("Resource"));
                if (key.isEmpty()) {
                    violations.add(where + "data-key actions on " + statement.get("Resource") + ", not on one key of the stack");
                    continue;
                }
                Set<String> needed = new TreeSet<>();
                for (JsonNode other : statements) {
                    Optional<String> target = target(other.get("Resource"));
                    if (target.isPresent() && encryptedWith(key.get()).containsKey(target.get())) {
                        for (JsonNode action : each(other.get("Action"))) {
                            String service = action.asText().substring(0, action.asText().indexOf(':'));
                            if (CALLER_KEY_SERVICES.contains(service)) {
                                needed.add(service + ".${AWS::Region}.amazonaws.com");
                            }
                        }
                    }
                }
                Set<String> listed = new TreeSet<>();
                for (JsonNode via : each(statement.at("/Condition/StringEquals/kms:ViaService"))) {
                    listed.add(subText(via).orElse(via.asText()));
                }
                if (listed.isEmpty()) {
                    violations.add(where + "no kms:ViaService condition: the role's credentials can use " + key.get() + " directly");
                } else if (!listed.equals(needed)) {
                    violations.add(where + "kms:ViaService " + listed + " but the role reaches " + key.get() + " through " + needed);
                }
            }
        });
        return violations;
    }

    /**
     * Every signing key's policy denies kms:Sign to every principal but one role of the stack, named
     * by the ARN its RoleName makes, and at most the break-glass role (only when that parameter is
     * set); once a replacement key signs (the deny's condition an Fn::If whose other branch is no
     * condition), to everyone. That role is granted kms:Sign on the key and no other role is (a grant
     * elsewhere would be dead, or a sign the key policy was meant to refuse).
     */
    List<String> signingKeysSignForTheOneRoleTheyName() {
        List<String> violations = new ArrayList<>();
        Map<String, String> roleArns = new LinkedHashMap<>();
        ofType("AWS::IAM::Role").forEach((role, resource) -> {
            JsonNode name = resource.at("/Properties/RoleName");
            subText(name).ifPresent(text -> roleArns.put(role,
                    "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/" + text + subVariables(name)));
        });
        ofType("AWS::KMS::Key").forEach((key, resource) -> {
            if (!resource.at("/Properties/KeyUsage").asText().equals("SIGN_VERIFY")) {
                return;
            }
            Set<String> allowed = new TreeSet<>();
            boolean denied = false;
            for (JsonNode statement : each(resource.at("/Properties/KeyPolicy/Statement"))) {
                if (!statement.path("Effect").asText().equals("Deny")
                        || each(statement.get("Action")).stream().noneMatch(a -> a.asText().equals("kms:Sign"))
                        || !statement.path("Principal").asText().equals("*")) {
                    continue;
                }
                JsonNode condition = statement.path("Condition");
                if (condition.has("Fn::If")) {
                    if (!condition.at("/Fn::If/2/Ref").asText().equals("AWS::NoValue")) {
                        violations.add(key + ": once replaced, the kms:Sign deny still exempts " + condition.at("/Fn::If/2"));
                    }
                    condition = condition.at("/Fn::If/1");
                }
                for (JsonNode arn : each(condition.at("/ArnNotEquals/aws:PrincipalArn"))) {
                    denied = true;
                    if (arn.toString().equals(BREAK_GLASS_WHEN_SET) || arn.toString().equals(REVIEWER_WHEN_SET)) {
                        continue;
                    }
                    String written = subText(arn).orElse(arn.toString()) + subVariables(arn);
                    List<String> named = roleArns.entrySet().stream().filter(e -> e.getValue().equals(written))
                            .map(Map.Entry::getKey).toList();
                    if (named.isEmpty()) {
                        violations.add(key + ": the kms:Sign deny exempts " + written + ", which is no role of this stack");
                    }
                    allowed.addAll(named);
                }
            }
            if (!denied) {
                violations.add(key + ": no explicit deny of kms:Sign for every principal but one role");
            }
            if (allowed.size() > 1) {
                violations.add(key + ": the kms:Sign deny exempts several roles " + allowed);
            }
            Set<String> granted = rolesSigningWith(key);
            for (String role : granted) {
                if (!allowed.contains(role)) {
                    violations.add(role + " is granted kms:Sign on " + key + ", whose policy lets only " + allowed + " sign");
                }
            }
            for (String role : allowed) {
                if (!granted.contains(role)) {
                    violations.add(key + ": " + role + " may sign by the key policy but holds no kms:Sign on it");
                }
            }
        });
        return violations;
    }

    private Set<String> rolesSigningWith(String key) {
        Set<String> roles = new TreeSet<>();
        ofType("AWS::IAM::Role").forEach((role, resource) -> {
            for (JsonNode policy : each(resource.at("/Properties/Policies"))) {
                for (JsonNode statement : each(policy.at("/PolicyDocument/Statement"))) {
                    boolean signs = each(statement.get("Action")).stream().anyMatch(a -> a.asText().equals("kms:Sign"));
                    if (signs && each(statement.get("Resource")).stream().anyMatch(r -> keyOf(r).filter(key::equals).isPresent())) {
                        roles.add(role);
                    }
                }
            }
        });
        return roles;
    }

    List<String> all() {
        List<String> violations = new ArrayList<>(keyPolicyServicePrincipals());
        violations.addAll(signingKeysSignForTheOneRoleTheyName());
        violations.addAll(lambdaPermissionsNameTheirSource());
        violations.addAll(logGroupsAreEncryptedAndRetained());
        violations.addAll(roleKeyUseGoesThroughTheServices());
        return violations;
    }

    private Map<String, JsonNode> ofType(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        resources.properties().forEach(e -> {
            if (e.getValue().path("Type").asText().equals(type)) {
                found.put(e.getKey(), e.getValue());
            }
        });
        return found;
    }

    /** The resources of the encrypted types whose properties name the key. */
    private Map<String, JsonNode> encryptedWith(String key) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        resources.properties().forEach(e -> {
            if (ENCRYPTED_TYPES.contains(e.getValue().path("Type").asText()) && names(e.getValue().get("Properties"), key)) {
                found.put(e.getKey(), e.getValue());
            }
        });
        return found;
    }

    private Map<String, JsonNode> bucketsNotifying(String destination) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        ofType("AWS::S3::Bucket").forEach((id, bucket) -> {
            JsonNode notifications = bucket.at("/Properties/NotificationConfiguration");
            if (names(notifications.path("TopicConfigurations"), destination) || names(notifications.path("QueueConfigurations"), destination)) {
                found.put(id, bucket);
            }
        });
        return found;
    }

    private Map<String, JsonNode> rulesTargeting(String destination) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        ofType("AWS::Events::Rule").forEach((id, rule) -> {
            if (names(rule.at("/Properties/Targets"), destination)) {
                found.put(id, rule);
            }
        });
        return found;
    }

    private Map<String, JsonNode> alarmsPublishingTo(String topic) {
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

    private static String logGroupArn(String id, JsonNode group, List<String> violations) {
        return arnByName(id, group, "LogGroupName", "logs:${AWS::Region}:${AWS::AccountId}:log-group:",
                "its encryption context", violations);
    }

    private static String alarmArn(String id, JsonNode alarm, List<String> violations) {
        return arnByName(id, alarm, "AlarmName", "cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:", "aws:SourceArn", violations);
    }

    /** The resource's ARN from its name property; a generated name cannot be written in a key policy. */
    private static String arnByName(String id, JsonNode resource, String nameProperty, String arnPrefix, String where,
            List<String> violations) {
        Optional<String> name = subText(resource.at("/Properties/" + nameProperty));
        if (name.isEmpty()) {
            violations.add(id + ": no " + nameProperty + ", so no key policy can name it in " + where);
            return id;
        }
        return "arn:${AWS::Partition}:" + arnPrefix + name.get();
    }

    /** The bucket of this stack whose ARN the value is (same !Sub pattern and variables as its BucketName). */
    private Optional<String> notifyingBucket(JsonNode sourceArn) {
        return ofType("AWS::S3::Bucket").entrySet().stream()
                .filter(e -> bucketArn(sourceArn, e.getValue(), false))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The resource of the stack a policy Resource points at: its own ARN (or a topic's Ref), a path under it, or a bucket by name. */
    private Optional<String> target(JsonNode resource) {
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
    private Optional<String> keyOf(JsonNode value) {
        if (value != null && value.has("Fn::If")) {
            return keyOf(value.get("Fn::If").get(1));
        }
        String id = value == null ? "" : value.has("Fn::GetAtt") ? value.get("Fn::GetAtt").get(0).asText() : value.path("Ref").asText();
        return ofType("AWS::KMS::Key").containsKey(id) ? Optional.of(id) : Optional.empty();
    }

    private static boolean names(JsonNode node, String resource) {
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
    private static boolean bucketArn(JsonNode value, JsonNode bucket, boolean objects) {
        JsonNode name = bucket.at("/Properties/BucketName");
        Optional<String> valueText = subText(value);
        Optional<String> nameText = subText(name);
        if (valueText.isEmpty() || nameText.isEmpty() || !subVariables(value).equals(subVariables(name))) {
            return false;
        }
        String arn = "arn:${AWS::Partition}:s3:::" + nameText.get();
        return valueText.get().equals(arn) || (objects && valueText.get().startsWith(arn + "/"));
    }

    private static Optional<String> subText(JsonNode value) {
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

    private static String subVariables(JsonNode value) {
        JsonNode sub = value.path("Fn::Sub");
        return sub.isArray() ? sub.get(1).toString() : "";
    }

    private static List<String> arnCondition(JsonNode condition, String key) {
        Set<String> values = new LinkedHashSet<>();
        for (String operator : List.of("ArnEquals", "ArnLike", "StringEquals", "StringLike")) {
            for (JsonNode value : each(condition.path(operator).path(key))) {
                values.add(subText(value).orElse(value.toString()));
            }
        }
        return List.copyOf(values);
    }

    private static Pattern glob(String pattern) {
        String[] parts = pattern.split("\\*", -1);
        StringBuilder regex = new StringBuilder(Pattern.quote(parts[0]));
        for (int i = 1; i < parts.length; i++) {
            regex.append(".*").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }

    private static List<JsonNode> each(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        return node.isArray() ? StreamSupport.stream(node.spliterator(), false).toList() : List.of(node);
    }
}
