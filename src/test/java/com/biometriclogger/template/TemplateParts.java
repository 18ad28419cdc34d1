package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** template.yaml's resources, policies and the values its tests compare them with, for the template tests. */
final class TemplateParts {

    private TemplateParts() {
    }

    static final Map<String, Object> TEMPLATE = CloudFormationYaml.load(Path.of("template.yaml"));

    static final String KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String TOPIC_ARN = "arn:aws:sns:eu-west-1:123456789012:stack-alerts";
    static final String BUCKET_NAME = "biometric-uploads-${StackUuid}";
    static final String BUCKET = "arn:${AWS::Partition}:s3:::" + BUCKET_NAME;
    static final String UPLOAD_OBJECTS = BUCKET + "/${UploadPrefix}*";
    static final String REFERENCE_OBJECTS = BUCKET + "/${ReferencePrefix}*";
    /** The key each function signs with: the stack's own, unless a parameter names its replacement. */
    static final Map<String, Object> ITEM_KEY = Map.of("Fn::If", List.of("SignsWithOwnKey",
            getAtt("SigningKey", "Arn"), Map.of("Ref", "ReplacementSigningKeyArn")));
    static final Map<String, Object> SEAL_KEY = Map.of("Fn::If", List.of("SealsWithOwnKey",
            getAtt("SealSigningKey", "Arn"), Map.of("Ref", "ReplacementSealSigningKeyArn")));
    static final Map<String, Object> BREAK_GLASS_WHEN_SET = Map.of("Fn::If", List.of("HasBreakGlassRole",
            Map.of("Ref", "BreakGlassRoleArn"), Map.of("Ref", "AWS::NoValue")));
    static final Map<String, Object> REVIEWER_WHEN_SET = Map.of("Fn::If", List.of("HasReviewerRole",
            Map.of("Ref", "ReviewerRoleArn"), Map.of("Ref", "AWS::NoValue")));

    /** The names the settings read from a function's environment, given the template's variables with valid values. */
    static Set<String> variablesRead(Map<String, Object> environment, Consumer<Map<String, String>> settings) {
        Map<String, String> values = new HashMap<>(Map.of("AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "A",
                "AWS_SECRET_ACCESS_KEY", "S"));
        environment.keySet().forEach(name -> values.put(name, name.endsWith("KEY_ARN") ? KEY_ARN
                : name.endsWith("TOPIC_ARN") ? TOPIC_ARN : name.endsWith("_HOURS") ? "24" : "audit-seals/"));
        Set<String> read = new TreeSet<>();
        Map<String, String> recording = new AbstractMap<>() {
            @Override
            public String get(Object name) {
                read.add((String) name);
                return values.get(name);
            }

            @Override
            public Set<Entry<String, String>> entrySet() {
                return values.entrySet();
            }
        };
        settings.accept(recording);
        read.removeIf(name -> name.startsWith("AWS_"));
        return read;
    }

    /** A !Sub over the stack id's UUID, as every use of the upload bucket's name is written. */
    static Map<String, Object> stackSub(String pattern) {
        return Map.of("Fn::Sub", List.of(pattern,
                Map.of("StackUuid", Map.of("Fn::Select", List.of(2, Map.of("Fn::Split", List.of("/", Map.of("Ref", "AWS::StackId"))))))));
    }

    /** Each statement's actions and resource, by Sid; every statement must allow. */
    static Map<String, Object> grantsBySid(String role) {
        Map<String, Object> grants = new LinkedHashMap<>();
        for (Map<String, Object> statement : roleStatements(role)) {
            assertEquals("Allow", statement.get("Effect"), statement.toString());
            grants.put((String) statement.get("Sid"), List.of(asList(statement.get("Action")), statement.get("Resource")));
        }
        return grants;
    }

    static Map<String, Object> statement(String role, String sid) {
        return bySid(roleStatements(role), sid);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> keyStatements(String key) {
        return (List<Map<String, Object>>) ((Map<String, Object>) properties(key).get("KeyPolicy")).get("Statement");
    }

    static Map<String, Object> bySid(List<Map<String, Object>> statements, String sid) {
        return statements.stream().filter(s -> sid.equals(s.get("Sid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> roleStatements(String role) {
        var policies = (List<Map<String, Object>>) properties(role).get("Policies");
        assertEquals(1, policies.size());
        return (List<Map<String, Object>>) ((Map<String, Object>) policies.get(0).get("PolicyDocument")).get("Statement");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> environment() {
        return (Map<String, Object>) ((Map<String, Object>) properties("VerifyFunction").get("Environment")).get("Variables");
    }

    static Map<String, Object> sealEnvironment() {
        return functionEnvironment("SealFunction");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> functionEnvironment(String function) {
        return (Map<String, Object>) ((Map<String, Object>) properties(function).get("Environment")).get("Variables");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> resource(String name) {
        return (Map<String, Object>) ((Map<String, Object>) TEMPLATE.get("Resources")).get(name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> properties(String name) {
        return (Map<String, Object>) resource(name).get("Properties");
    }

    static Map<String, Object> getAtt(String resource, String attribute) {
        return Map.of("Fn::GetAtt", List.of(resource, attribute));
    }

    static List<?> asList(Object value) {
        return value instanceof List<?> list ? list : List.of(value);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> tableStatements(String table) {
        return (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) properties(table)
                .get("ResourcePolicy")).get("PolicyDocument")).get("Statement");
    }
}
