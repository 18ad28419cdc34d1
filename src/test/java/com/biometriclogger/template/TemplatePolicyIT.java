package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    private static final String TABLE_DENIES = "evidence_tables_deny_changes_and_deletions_to_all_but_the_break_glass_role";
    private static final String SIGNERS = "signing_keys_deny_sign_to_all_but_their_signers";
    private static final String ERASURE_RECORDS = "erasure_records_are_only_added_and_never_deleted";

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
                        (Consumer<ObjectNode>) t -> statement(t, "VerifyFunctionRole", "WriteAuditItems").put("Action", "s3:*")),
                Arguments.of("Scan added", "role_actions_are_exactly_the_needed_ones",
                        (Consumer<ObjectNode>) t -> statement(t, "VerifyFunctionRole", "ReadEnrolments").put("Action", "dynamodb:Scan")),
                Arguments.of("DeleteObject added", "role_actions_are_exactly_the_needed_ones",
                        (Consumer<ObjectNode>) t -> ((ArrayNode) statement(t, "VerifyFunctionRole", "ReadUploadedImages").get("Action")).add("s3:DeleteObject")),
                Arguments.of("PutItem on every table", "only_rekognition_takes_a_wildcard_resource",
                        (Consumer<ObjectNode>) t -> statement(t, "VerifyFunctionRole", "WriteAuditItems").put("Resource", "*")),
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
                        (Consumer<ObjectNode>) t -> ((ObjectNode) t.get("Resources")).remove("UnauthorizedBurstAlarm")),
                Arguments.of("the archive locked in GOVERNANCE mode", "seal_archive_locks_every_seal_in_compliance_mode",
                        (Consumer<ObjectNode>) t -> defaultRetention(t).put("Mode", "GOVERNANCE")),
                Arguments.of("the archive without a default retention", "seal_archive_locks_every_seal_in_compliance_mode",
                        (Consumer<ObjectNode>) t -> defaultRetention(t).remove("Days")),
                Arguments.of("the archive without Object Lock", "seal_archive_locks_every_seal_in_compliance_mode",
                        without("SealArchiveBucket", "ObjectLockEnabled")),
                Arguments.of("the archive's policy allows deleting versions", "seal_archive_policy_denies_deletion_and_unlocking_to_everyone",
                        (Consumer<ObjectNode>) t -> ((ArrayNode) bucketStatement(t, "NobodyDeletesOrUnlocksSeals").get("Action")).remove(1)),
                Arguments.of("the archive's deletion deny only for one principal", "seal_archive_policy_denies_deletion_and_unlocking_to_everyone",
                        (Consumer<ObjectNode>) t -> bucketStatement(t, "NobodyDeletesOrUnlocksSeals").putObject("Condition")
                                .putObject("ArnEquals").put("aws:PrincipalArn", "arn:aws:iam::123456789012:role/x")),
                Arguments.of("the archive's lifecycle left open", "seal_archive_policy_denies_deletion_and_unlocking_to_everyone",
                        (Consumer<ObjectNode>) t -> ((ArrayNode) bucketStatement(t, "NobodyShortensTheLockOrExpiresSeals").get("Action")).remove(1)),
                Arguments.of("unconditional writes to the archive allowed", "seal_archive_policy_denies_deletion_and_unlocking_to_everyone",
                        (Consumer<ObjectNode>) t -> bucketStatement(t, "EveryWriteIsFirstWrite").remove("Condition")),
                Arguments.of("the seal role may delete archived versions", "no_role_may_delete_or_unlock_objects",
                        (Consumer<ObjectNode>) t -> statement(t, "SealFunctionRole", "ReadArchivedSeals").withArray("/Action").add("s3:DeleteObjectVersion")),
                Arguments.of("the seal role may shorten a retention", "no_role_may_delete_or_unlock_objects",
                        (Consumer<ObjectNode>) t -> statement(t, "SealFunctionRole", "ReadArchivedSeals").withArray("/Action").add("s3:PutObjectRetention")),
                Arguments.of("the seal role may bypass a lock", "no_role_may_delete_or_unlock_objects",
                        (Consumer<ObjectNode>) t -> statement(t, "SealFunctionRole", "ArchiveSeals").put("Action", "s3:BypassGovernanceRetention")),
                Arguments.of("the seal role granted s3:*", "no_role_may_delete_or_unlock_objects",
                        (Consumer<ObjectNode>) t -> statement(t, "SealFunctionRole", "ArchiveSeals").put("Action", "s3:*")),
                Arguments.of("the seal role writes without If-None-Match", "role_s3_writes_only_add_new_keys",
                        (Consumer<ObjectNode>) t -> statement(t, "SealFunctionRole", "ArchiveSeals").remove("Condition")),
                Arguments.of("every administrator may sign items", SIGNERS,
                        (Consumer<ObjectNode>) t -> removeStatement(keyStatements(t, "SigningKey"), "OnlyTheVerifyFunctionSigns")),
                Arguments.of("the seal key's deny without its exempted role", SIGNERS,
                        (Consumer<ObjectNode>) t -> ((ObjectNode) keyStatement(t, "SealSigningKey", "OnlyTheSealFunctionSigns")
                                .at("/Condition/Fn::If/1")).remove("ArnNotEquals")),
                Arguments.of("a third principal may sign items", SIGNERS,
                        (Consumer<ObjectNode>) t -> itemKeyExemptions(t).add("arn:aws:iam::123456789012:role/Admin")),
                Arguments.of("the enrolment principal may sign items in the break-glass role's place", SIGNERS,
                        (Consumer<ObjectNode>) t -> ((ArrayNode) itemKeyExemptions(t).get(1).get("Fn::If")).set(1,
                                JSON.createObjectNode().put("Ref", "EnrolmentPrincipalArn"))),
                Arguments.of("the break-glass role may sign items even when none is given", SIGNERS,
                        (Consumer<ObjectNode>) t -> itemKeyExemptions(t).set(1, JSON.createObjectNode().put("Ref", "BreakGlassRoleArn"))),
                Arguments.of("the replaced key still signs for its role", SIGNERS,
                        (Consumer<ObjectNode>) t -> ((ArrayNode) keyStatement(t, "SigningKey", "OnlyTheVerifyFunctionSigns")
                                .at("/Condition/Fn::If")).set(2, keyStatement(t, "SigningKey", "OnlyTheVerifyFunctionSigns")
                                .at("/Condition/Fn::If/1").deepCopy())),
                Arguments.of("the seal key gives the account kms:*", SIGNERS,
                        (Consumer<ObjectNode>) t -> keyStatement(t, "SealSigningKey", "AccountAdministersKey").put("Action", "kms:*")),
                Arguments.of("kms:Sign on every key", "kms_sign_only_on_signing_keys",
                        (Consumer<ObjectNode>) t -> statement(t, "SealFunctionRole", "SignSeals").put("Resource", "*")),
                Arguments.of("no SEAL_HOLE alarm", "seal_holes_raise_an_alarm",
                        (Consumer<ObjectNode>) t -> ((ObjectNode) t.get("Resources")).remove("SealHoleAlarm")),
                Arguments.of("the audit table's deny removed", TABLE_DENIES,
                        (Consumer<ObjectNode>) t -> removeStatement(tableStatements(t, "AuditTable"), "NobodyChangesItems")),
                Arguments.of("the audit table's DeleteItem open to another role", TABLE_DENIES,
                        (Consumer<ObjectNode>) t -> tableStatement(t, "AuditTable", "OnlyErasureDeletesItems").putObject("Condition")
                                .putObject("ArnNotEquals").put("aws:PrincipalArn", "arn:aws:iam::123456789012:role/Admin")),
                Arguments.of("the break-glass role may update items", TABLE_DENIES,
                        (Consumer<ObjectNode>) t -> tableStatement(t, "AuditTable", "NobodyChangesItems").set("Condition",
                                tableStatement(t, "AuditTable", "OnlyErasureDeletesItems").get("Condition").deepCopy())),
                Arguments.of("the seal table's deny without DeleteItem", TABLE_DENIES,
                        (Consumer<ObjectNode>) t -> removeAction(tableStatement(t, "SealTable", "NobodyChangesOrDeletesItems"),
                                "dynamodb:DeleteItem")),
                Arguments.of("batch deletes left open on the audit table", TABLE_DENIES,
                        (Consumer<ObjectNode>) t -> removeAction(tableStatement(t, "AuditTable", "NobodyChangesItems"),
                                "dynamodb:BatchWriteItem")),
                Arguments.of("the deny exempting the stack's own account", TABLE_DENIES,
                        (Consumer<ObjectNode>) t -> tableStatement(t, "AuditTable", "NobodyChangesItems").putObject("Condition")
                                .putObject("StringNotEquals").put("aws:PrincipalAccount", "123456789012")),
                Arguments.of("overwrites open to every principal", TABLE_DENIES,
                        (Consumer<ObjectNode>) t -> removeStatement(tableStatements(t, "AuditTable"), "OnlyTheWriterPutsItems")),
                Arguments.of("erasure records deletable", ERASURE_RECORDS,
                        (Consumer<ObjectNode>) t -> removeStatement(tableStatements(t, "AuditTable"), "NobodyDeletesErasureRecords")),
                Arguments.of("the break-glass role may put any item", ERASURE_RECORDS,
                        (Consumer<ObjectNode>) t -> ((ObjectNode) tableStatements(t, "AuditTable").get(3).at("/Fn::If/1/Condition"))
                                .putObject("ForAnyValue:StringNotLike").put("dynamodb:LeadingKeys", "*")),
                Arguments.of("no resource policy on the seal table", TABLE_DENIES,
                        without("SealTable", "ResourcePolicy")),
                Arguments.of("the access-log bucket unversioned", "buckets_are_versioned",
                        (Consumer<ObjectNode>) t -> properties(t, "AccessLogBucket").withObjectProperty("VersioningConfiguration").put("Status", "Suspended")),
                Arguments.of("public policies allowed", "buckets_block_all_public_access",
                        (Consumer<ObjectNode>) t -> properties(t, "UploadBucket").withObjectProperty("PublicAccessBlockConfiguration")
                                .put("BlockPublicPolicy", false)),
                Arguments.of("no default encryption", "buckets_are_encrypted_by_default",
                        without("AccessLogBucket", "BucketEncryption")),
                Arguments.of("ACLs enabled", "buckets_enforce_owner_and_disable_acls",
                        (Consumer<ObjectNode>) t -> ((ObjectNode) properties(t, "UploadBucket").at("/OwnershipControls/Rules/0"))
                                .put("ObjectOwnership", "ObjectWriter")),
                Arguments.of("a function logging to the default group", "function_logs_to_its_own_group_with_retention",
                        without("SealFunction", "LoggingConfig")),
                Arguments.of("a log group kept forever", "function_logs_to_its_own_group_with_retention",
                        without("VerifyFunctionLogGroup", "RetentionInDays")),
                Arguments.of("a function without its reservation", "function_concurrency_is_bounded_when_asked",
                        without("ChangeAlarmFunction", "ReservedConcurrentExecutions")),
                Arguments.of("an unencrypted queue", "queues_and_topics_are_encrypted",
                        without("DeadLetterQueue", "KmsMasterKeyId")),
                Arguments.of("an unencrypted topic", "queues_and_topics_are_encrypted",
                        without("AlertTopic", "KmsMasterKeyId")),
                Arguments.of("an alarm nobody hears", "alarms_describe_themselves_and_notify",
                        (Consumer<ObjectNode>) t -> properties(t, "SealHoleAlarm").putArray("AlarmActions")),
                Arguments.of("the silent-seal alarm mute on INSUFFICIENT_DATA", "a_stopped_seal_function_raises_an_alarm",
                        without("SealFunctionSilentAlarm", "InsufficientDataActions")),
                Arguments.of("an alarm without a description", "alarms_describe_themselves_and_notify",
                        without("DeadLettersAlarm", "AlarmDescription")),
                Arguments.of("no retry", "failed_events_are_retried_then_dead_lettered",
                        (Consumer<ObjectNode>) t -> properties(t, "VerifyFunctionEventInvokeConfig").put("MaximumRetryAttempts", 0)),
                Arguments.of("events dropped after a minute", "failed_events_are_retried_then_dead_lettered",
                        (Consumer<ObjectNode>) t -> properties(t, "VerifyFunctionEventInvokeConfig").put("MaximumEventAgeInSeconds", 60)),
                Arguments.of("anyone may enrol", "only_the_enrolment_principal_writes_references",
                        (Consumer<ObjectNode>) t -> removeStatement((ArrayNode) properties(t, "UploadBucketPolicy")
                                .at("/PolicyDocument/Statement"), "OnlyTheEnrolmentPrincipalEnrols")),
                Arguments.of("the enrolment deny without DeleteObject", "only_the_enrolment_principal_writes_references",
                        (Consumer<ObjectNode>) t -> bySid((ArrayNode) properties(t, "UploadBucketPolicy").at("/PolicyDocument/Statement"),
                                "OnlyTheEnrolmentPrincipalEnrols").putArray("Action").add("s3:PutObject")),
                Arguments.of("the enrolment deny exempting everyone in the account", "only_the_enrolment_principal_writes_references",
                        (Consumer<ObjectNode>) t -> bySid((ArrayNode) properties(t, "UploadBucketPolicy").at("/PolicyDocument/Statement"),
                                "OnlyTheEnrolmentPrincipalEnrols").withObjectProperty("Condition").putObject("StringNotEquals")
                                .put("aws:PrincipalAccount", "123456789012")),
                Arguments.of("no control-plane rule", "control_plane_changes_raise_an_alarm",
                        (Consumer<ObjectNode>) t -> ((ObjectNode) t.get("Resources")).remove(List.of("ControlPlaneKeysRule",
                                "ControlPlaneTablesRule", "ControlPlaneBucketsRule", "ControlPlaneFunctionsRule", "ControlPlaneAlertsRule"))));
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

    /** The template with one property of one resource removed. */
    private static Consumer<ObjectNode> without(String resource, String property) {
        return t -> properties(t, resource).remove(property);
    }

    private static ObjectNode properties(ObjectNode template, String resource) {
        return (ObjectNode) template.get("Resources").get(resource).get("Properties");
    }

    private static ObjectNode statement(ObjectNode template, String role, String sid) {
        return bySid((ArrayNode) properties(template, role).at("/Policies/0/PolicyDocument/Statement"), sid);
    }

    private static ObjectNode bucketStatement(ObjectNode template, String sid) {
        return bySid((ArrayNode) properties(template, "SealArchiveBucketPolicy").at("/PolicyDocument/Statement"), sid);
    }

    private static ArrayNode keyStatements(ObjectNode template, String key) {
        return (ArrayNode) properties(template, key).at("/KeyPolicy/Statement");
    }

    private static ObjectNode keyStatement(ObjectNode template, String key, String sid) {
        return bySid(keyStatements(template, key), sid);
    }

    /** Who the item key's deny exempts while the key signs. */
    private static ArrayNode itemKeyExemptions(ObjectNode template) {
        return (ArrayNode) keyStatement(template, "SigningKey", "OnlyTheVerifyFunctionSigns")
                .at("/Condition/Fn::If/1/ArnNotEquals/aws:PrincipalArn");
    }

    private static ObjectNode defaultRetention(ObjectNode template) {
        return (ObjectNode) properties(template, "SealArchiveBucket").at("/ObjectLockConfiguration/Rule/DefaultRetention");
    }

    private static ArrayNode tableStatements(ObjectNode template, String table) {
        return (ArrayNode) properties(template, table).at("/ResourcePolicy/PolicyDocument/Statement");
    }

    private static ObjectNode tableStatement(ObjectNode template, String table, String sid) {
        return bySid(tableStatements(template, table), sid);
    }

    private static void removeAction(ObjectNode statement, String action) {
        var actions = (ArrayNode) statement.get("Action");
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i).asText().equals(action)) {
                actions.remove(i);
                return;
            }
        }
        throw new AssertionError("no action " + action);
    }

    private static void removeStatement(ArrayNode statements, String sid) {
        statements.remove(indexOf(statements, sid));
    }

    private static ObjectNode bySid(ArrayNode statements, String sid) {
        return (ObjectNode) statements.get(indexOf(statements, sid));
    }

    private static int indexOf(ArrayNode statements, String sid) {
        for (int i = 0; i < statements.size(); i++) {
            if (sid.equals(statements.get(i).path("Sid").asText())) {
                return i;
            }
        }
        throw new AssertionError("no statement " + sid);
    }
}
