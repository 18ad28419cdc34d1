package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.local.AuditTable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** cfn-lint and the cfn-guard rules on the real template, and proof that each rule bites. */
class TemplatePolicyIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Informational checks included: each one the template silences is justified where it does. */
    @Test
    void cfnLintReportsNothingNotEvenInformational() throws Exception {
        PolicyTools.requireCommand("cfn-lint");

        var result = PolicyTools.run(List.of("cfn-lint", "--include-checks", "I", "--", "template.yaml"));

        assertEquals("", result.output().strip());
        assertEquals(0, result.exitCode());
    }

    @Test
    void everyGuardRulePassesOnTheExpandedTemplate() throws Exception {
        String guard = PolicyTools.requireCfnGuard();
        Path expanded = PolicyTools.expandedTemplate();

        var result = validate(guard, expanded);

        assertEquals(0, result.exitCode(), result.output());
        long rules = Files.readAllLines(PolicyTools.GUARD_RULES).stream().filter(l -> l.startsWith("rule ")).count();
        assertEquals(rules, result.output().lines().filter(l -> l.strip().endsWith("PASS") && l.contains(".guard/")).count(),
                result.output());
    }

    static Stream<Arguments> brokenTemplates() {
        return Stream.of(
                Arguments.of("s3:* granted", "role_actions_are_exactly_the_needed_ones",
                        (Consumer<ObjectNode>) t -> statement(t, "WriteAuditItems").put("Action", "s3:*")),
                Arguments.of("Scan added", "role_actions_are_exactly_the_needed_ones",
                        (Consumer<ObjectNode>) t -> statement(t, "ReadEnrolments").put("Action", "dynamodb:Scan")),
                Arguments.of("DeleteObject added", "role_actions_are_exactly_the_needed_ones",
                        (Consumer<ObjectNode>) t -> ((ArrayNode) statement(t, "ReadUploadedImages").get("Action")).add("s3:DeleteObject")),
                Arguments.of("PutItem on every table", "only_rekognition_takes_a_wildcard_resource",
                        (Consumer<ObjectNode>) t -> statement(t, "WriteAuditItems").put("Resource", "*")),
                Arguments.of("S3 full access attached", "roles_use_no_managed_policies",
                        (Consumer<ObjectNode>) t -> properties(t, "VerifyFunctionRole").putArray("ManagedPolicyArns")
                                .add("arn:aws:iam::aws:policy/AmazonS3FullAccess")),
                Arguments.of("point-in-time recovery off", "audit_table_is_recoverable_encrypted_and_kept",
                        (Consumer<ObjectNode>) t -> ((ObjectNode) properties(t, "AuditTable").get("PointInTimeRecoverySpecification"))
                                .put("PointInTimeRecoveryEnabled", false)),
                Arguments.of("plain HTTP allowed", "buckets_refuse_plain_http",
                        (Consumer<ObjectNode>) t -> ((ArrayNode) properties(t, "UploadBucketPolicy").get("PolicyDocument")
                                .get("Statement")).remove(0)),
                Arguments.of("old versions kept forever", "buckets_expire_images_and_every_old_version",
                        (Consumer<ObjectNode>) t -> ((ObjectNode) properties(t, "UploadBucket").get("LifecycleConfiguration")
                                .get("Rules").get(0)).remove("NoncurrentVersionExpiration")),
                Arguments.of("no dead-letter destination", "failed_events_are_retried_then_dead_lettered",
                        (Consumer<ObjectNode>) t -> ((ObjectNode) t.get("Resources")).remove("VerifyFunctionEventInvokeConfig")),
                Arguments.of("signing key deleted with the stack", "signing_key_is_asymmetric_and_kept",
                        (Consumer<ObjectNode>) t -> ((ObjectNode) t.get("Resources").get("SigningKey")).put("DeletionPolicy", "Delete")),
                Arguments.of("data key not rotated", "encryption_keys_rotate",
                        (Consumer<ObjectNode>) t -> properties(t, "DataKey").put("EnableKeyRotation", false)),
                Arguments.of("no UNAUTHORIZED burst alarm", "alarms_cover_errors_throttles_dead_letters_and_unauthorized_bursts",
                        (Consumer<ObjectNode>) t -> ((ObjectNode) t.get("Resources")).remove("UnauthorizedBurstAlarm")));
    }

    @ParameterizedTest(name = "{0} breaks {1}")
    @MethodSource("brokenTemplates")
    void eachRuleFailsWhenItsRequirementIsBroken(String change, String rule, Consumer<ObjectNode> breakIt) throws Exception {
        String guard = PolicyTools.requireCfnGuard();
        var template = (ObjectNode) JSON.readTree(PolicyTools.expandedTemplate().toFile());
        breakIt.accept(template);
        Path broken = Path.of("target/template.broken.json");
        JSON.writeValue(broken.toFile(), template);

        var result = validate(guard, broken);

        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().lines().anyMatch(l -> l.contains("template.guard/" + rule) && l.strip().endsWith("FAIL")),
                change + " should fail " + rule + ":\n" + result.output());
    }

    private static PolicyTools.Result validate(String guard, Path template) throws Exception {
        return PolicyTools.run(List.of(guard, "validate", "-d", template.toString(), "-r",
                PolicyTools.GUARD_RULES.toString(), "--show-summary", "all"));
    }

    private static ObjectNode properties(ObjectNode template, String resource) {
        return (ObjectNode) template.get("Resources").get(resource).get("Properties");
    }

    private static ObjectNode statement(ObjectNode template, String sid) {
        for (var statement : properties(template, "VerifyFunctionRole").get("Policies").get(0).get("PolicyDocument").get("Statement")) {
            if (sid.equals(statement.path("Sid").asText())) {
                return (ObjectNode) statement;
            }
        }
        throw new AssertionError("no statement " + sid);
    }
}
