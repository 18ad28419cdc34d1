package com.biometriclogger.template;

import static com.biometriclogger.template.StackGraph.ACCOUNT;
import static com.biometriclogger.template.StackGraph.each;
import static com.biometriclogger.template.StackGraph.subText;
import static com.biometriclogger.template.StackGraph.subVariables;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the services require of an expanded template that neither cfn-lint nor cfn-guard can see,
 * each rule over every resource of its type, so it covers resources added later. A rule returns
 * one line per violation, naming the resource.
 */
final class TemplateSemantics {

    /** KMS actions a service performs with the caller's permissions (kms:ViaService applies to them). */
    private static final Pattern DATA_KEY_ACTION = Pattern.compile("kms:(Decrypt|Encrypt|ReEncrypt.*|GenerateDataKey.*)");

    /** Services that use a customer-managed key with their caller's permissions, so the caller's role needs them. */
    private static final Set<String> CALLER_KEY_SERVICES = Set.of("s3", "dynamodb", "sqs", "sns");

    private static final Set<String> KEPT = Set.of("Retain", "RetainExceptOnCreate");

    private static final String BREAK_GLASS_WHEN_SET =
            "{\"Fn::If\":[\"HasBreakGlassRole\",{\"Ref\":\"BreakGlassRoleArn\"},{\"Ref\":\"AWS::NoValue\"}]}";
    private static final String REVIEWER_WHEN_SET =
            "{\"Fn::If\":[\"HasReviewerRole\",{\"Ref\":\"ReviewerRoleArn\"},{\"Ref\":\"AWS::NoValue\"}]}";

    private final StackGraph stack;

    TemplateSemantics(JsonNode template) {
        this.stack = new StackGraph(template);
    }

    /**
     * Every KMS key allows exactly the service principals that must use it in their own name
     * (CloudWatch Logs for each log group it encrypts, CloudWatch for each alarm publishing to a topic
     * it encrypts, S3 for each bucket notifying a topic or queue it encrypts, EventBridge for a rule
     * targeting one), each conditioned on this stack's resources where the service sends the
     * condition keys, with encryption actions only.
     */
    List<String> keyPolicyServicePrincipals() {
        return KeyPolicyRule.servicePrincipals(stack);
    }

    /** Every Lambda permission names the one source (SourceArn) and its account (SourceAccount). */
    List<String> lambdaPermissionsNameTheirSource() {
        List<String> violations = new ArrayList<>();
        stack.ofType("AWS::Lambda::Permission").forEach((id, permission) -> {
            JsonNode properties = permission.get("Properties");
            JsonNode source = properties.path("SourceArn");
            if (source.isMissingNode()) {
                violations.add(id + ": no SourceArn, so any " + properties.path("Principal").asText() + " resource may invoke");
            } else if (source.toString().contains("*")) {
                violations.add(id + ": SourceArn " + source + " is a pattern, not one source");
            } else if (properties.path("Principal").asText().equals("s3.amazonaws.com") && stack.notifyingBucket(source).isEmpty()) {
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
        stack.ofType("AWS::Logs::LogGroup").forEach((id, group) -> {
            JsonNode key = group.at("/Properties/KmsKeyId");
            if (key.isMissingNode() || stack.keyOf(key).isEmpty()) {
                violations.add(id + ": not encrypted with a key of this stack (it carries object keys, i.e. subject ids)");
            }
            if (group.at("/Properties/RetentionInDays").isMissingNode()) {
                violations.add(id + ": no RetentionInDays, so its lines are kept forever");
            }
            if (!KEPT.contains(group.path("DeletionPolicy").asText()) || !KEPT.contains(group.path("UpdateReplacePolicy").asText())) {
                violations.add(id + ": deleted with the stack (DeletionPolicy/UpdateReplacePolicy not Retain)");
            }
        });
        stack.ofType("AWS::Lambda::Function").forEach((id, function) -> {
            String group = function.at("/Properties/LoggingConfig/LogGroup/Ref").asText();
            if (!stack.ofType("AWS::Logs::LogGroup").containsKey(group)) {
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
        stack.ofType("AWS::IAM::Role").forEach((role, resource) -> {
            List<JsonNode> statements = new ArrayList<>();
            for (JsonNode policy : each(resource.at("/Properties/Policies"))) {
                each(policy.at("/PolicyDocument/Statement")).forEach(statements::add);
            }
            for (JsonNode statement : statements) {
                if (each(statement.get("Action")).stream().noneMatch(a -> DATA_KEY_ACTION.matcher(a.asText()).matches())) {
                    continue;
                }
                String where = role + "/" + statement.path("Sid").asText("?") + ": ";
                Optional<String> key = stack.keyOf(statement.get("Resource"));
                if (key.isEmpty()) {
                    violations.add(where + "data-key actions on " + statement.get("Resource") + ", not on one key of the stack");
                    continue;
                }
                Set<String> needed = new TreeSet<>();
                for (JsonNode other : statements) {
                    Optional<String> target = stack.target(other.get("Resource"));
                    if (target.isPresent() && stack.encryptedWith(key.get()).containsKey(target.get())) {
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
        stack.ofType("AWS::IAM::Role").forEach((role, resource) -> {
            JsonNode name = resource.at("/Properties/RoleName");
            subText(name).ifPresent(text -> roleArns.put(role,
                    "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/" + text + subVariables(name)));
        });
        stack.ofType("AWS::KMS::Key").forEach((key, resource) -> {
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
        stack.ofType("AWS::IAM::Role").forEach((role, resource) -> {
            for (JsonNode policy : each(resource.at("/Properties/Policies"))) {
                for (JsonNode statement : each(policy.at("/PolicyDocument/Statement"))) {
                    boolean signs = each(statement.get("Action")).stream().anyMatch(a -> a.asText().equals("kms:Sign"));
                    if (signs && each(statement.get("Resource")).stream().anyMatch(r -> stack.keyOf(r).filter(key::equals).isPresent())) {
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
}
