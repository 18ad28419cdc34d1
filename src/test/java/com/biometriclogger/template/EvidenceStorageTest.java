package com.biometriclogger.template;

import static com.biometriclogger.template.TemplateParts.BREAK_GLASS_WHEN_SET;
import static com.biometriclogger.template.TemplateParts.BUCKET;
import static com.biometriclogger.template.TemplateParts.ITEM_KEY;
import static com.biometriclogger.template.TemplateParts.REVIEWER_WHEN_SET;
import static com.biometriclogger.template.TemplateParts.SEAL_KEY;
import static com.biometriclogger.template.TemplateParts.TEMPLATE;
import static com.biometriclogger.template.TemplateParts.asList;
import static com.biometriclogger.template.TemplateParts.bySid;
import static com.biometriclogger.template.TemplateParts.environment;
import static com.biometriclogger.template.TemplateParts.getAtt;
import static com.biometriclogger.template.TemplateParts.keyStatements;
import static com.biometriclogger.template.TemplateParts.properties;
import static com.biometriclogger.template.TemplateParts.resource;
import static com.biometriclogger.template.TemplateParts.sealEnvironment;
import static com.biometriclogger.template.TemplateParts.stackSub;
import static com.biometriclogger.template.TemplateParts.statement;
import static com.biometriclogger.template.TemplateParts.tableStatements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.decision.ErasureRecord;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What template.yaml's keys, tables and buckets promise the evidence and the references. */
class EvidenceStorageTest {

    /**
     * Each evidence table's policy lets exactly its writer role put items: the ARN it exempts is the
     * one that role's RoleName makes (a renamed role would lose its writes, or another gain them). The
     * audit table also lets the break-glass role put (erasure records) and delete items, and nobody
     * update or batch-write them; the seal table lets nobody else do anything (erase only reads seals).
     */
    @Test
    @SuppressWarnings("unchecked")
    void eachTablePolicyExemptsItsOwnWriterRoleFromThePutDenyAndNoOtherFunction() {
        for (var table : Map.of("AuditTable", "VerifyFunctionRole", "SealTable", "SealFunctionRole").entrySet()) {
            var statements = tableStatements(table.getKey());
            var exempted = (List<Object>) ((Map<String, Object>) ((Map<String, Object>) bySid(statements, "OnlyTheWriterPutsItems")
                    .get("Condition")).get("ArnNotEquals")).get("aws:PrincipalArn");
            var roleName = (List<Object>) ((Map<String, Object>) properties(table.getValue()).get("RoleName")).get("Fn::Sub");
            var writer = (List<Object>) ((Map<String, Object>) exempted.get(0)).get("Fn::Sub");

            assertEquals("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/" + roleName.get(0), writer.get(0), table.getKey());
            assertEquals(roleName.get(1), writer.get(1), table.getKey());
            assertEquals("dynamodb:PutItem", bySid(statements, "OnlyTheWriterPutsItems").get("Action"), table.getKey());
        }
        var audit = tableStatements("AuditTable");
        var exempted = (List<Object>) ((Map<String, Object>) ((Map<String, Object>) bySid(audit, "OnlyTheWriterPutsItems")
                .get("Condition")).get("ArnNotEquals")).get("aws:PrincipalArn");
        assertEquals(List.of(BREAK_GLASS_WHEN_SET, REVIEWER_WHEN_SET), exempted.subList(1, exempted.size()));
        assertEquals(Map.of("Sid", "OnlyErasureDeletesItems", "Effect", "Deny", "Principal", "*", "Action", "dynamodb:DeleteItem",
                "Resource", "*", "Condition", Map.of("Fn::If", List.of("HasBreakGlassRole",
                        Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", Map.of("Ref", "BreakGlassRoleArn"))),
                        Map.of("Ref", "AWS::NoValue")))), bySid(audit, "OnlyErasureDeletesItems"));
        List<String> changes = List.of("dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:PartiQLInsert",
                "dynamodb:PartiQLUpdate", "dynamodb:PartiQLDelete");
        assertEquals(Map.of("Sid", "NobodyChangesItems", "Effect", "Deny", "Principal", "*", "Action", changes, "Resource", "*"),
                bySid(audit, "NobodyChangesItems"));
        String records = ErasureRecord.ID_PREFIX + "*";
        assertEquals(Map.of("Fn::If", List.of("HasBreakGlassRole", Map.of("Sid", "ErasureOnlyPutsErasureRecords", "Effect", "Deny",
                "Principal", "*", "Action", "dynamodb:PutItem", "Resource", "*", "Condition", Map.of(
                        "ArnEquals", Map.of("aws:PrincipalArn", Map.of("Ref", "BreakGlassRoleArn")),
                        "ForAnyValue:StringNotLike", Map.of("dynamodb:LeadingKeys", records))), Map.of("Ref", "AWS::NoValue"))),
                audit.get(3), "the break-glass role puts nothing but erasure records");
        assertEquals(Map.of("Sid", "NobodyDeletesErasureRecords", "Effect", "Deny", "Principal", "*", "Action", "dynamodb:DeleteItem",
                "Resource", "*", "Condition", Map.of("ForAnyValue:StringLike", Map.of("dynamodb:LeadingKeys", records))),
                bySid(audit, "NobodyDeletesErasureRecords"));
        var seals = tableStatements("SealTable");
        var sealChanges = new java.util.ArrayList<>(List.of("dynamodb:DeleteItem"));
        sealChanges.addAll(changes);
        assertEquals(Map.of("Sid", "NobodyChangesOrDeletesItems", "Effect", "Deny", "Principal", "*", "Action", sealChanges,
                "Resource", "*"), bySid(seals, "NobodyChangesOrDeletesItems"));
        assertEquals(2, seals.size());
        var breakGlass = (Map<String, Object>) ((Map<String, Object>) TEMPLATE.get("Parameters")).get("BreakGlassRoleArn");
        assertEquals("", breakGlass.get("Default"), "by default nobody may change, delete or overwrite an item");
        var trail = (Map<String, Object>) ((Map<String, Object>) TEMPLATE.get("Parameters")).get("CreateTrail");
        assertEquals("false", trail.get("Default"), "the stack creates a trail only when asked (docs/operations.md: one must exist)");
    }

    /** Items and seals are signed with different keys, each by its own function. */
    @Test
    void eachFunctionSignsWithItsOwnAsymmetricKey() {
        for (String key : List.of("SigningKey", "SealSigningKey")) {
            assertEquals("ECC_NIST_P256", properties(key).get("KeySpec"), key);
            assertEquals("SIGN_VERIFY", properties(key).get("KeyUsage"), key);
        }
        assertEquals(ITEM_KEY, environment().get("SIGNING_KEY_ARN"));
        assertEquals(SEAL_KEY, sealEnvironment().get("SEAL_SIGNING_KEY_ARN"));
        assertTrue(Set.of(SEAL_KEY).containsAll(
                sealEnvironment().entrySet().stream().filter(e -> e.getKey().endsWith("KEY_ARN")).map(Map.Entry::getValue).toList()),
                "the seal function is given no key but the seal key: " + sealEnvironment());
    }

    /**
     * Each signing key: the account administers it (IAM decides who), but an explicit deny refuses
     * kms:Sign to every principal except the one role, named by the ARN that role's RoleName makes,
     * and for the item key the break-glass role (erasure records) when one is given; once a
     * replacement key signs, the deny has no condition: nobody signs with the stack's own key.
     */
    @Test
    void onlyItsOwnRoleMaySignWithEachKeyAndTheAccountKeepsAdministration() {
        Map<String, String> signers = Map.of("SigningKey", "VerifyFunctionRole", "SealSigningKey", "SealFunctionRole");
        Map<String, String> replaced = Map.of("SigningKey", "SignsWithOwnKey", "SealSigningKey", "SealsWithOwnKey");
        Map<String, Object> account = Map.of("AWS", Map.of("Fn::Sub", "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"));
        signers.forEach((key, role) -> {
            var statements = keyStatements(key);
            var administration = bySid(statements, "AccountAdministersKey");
            assertEquals("Allow", administration.get("Effect"), key);
            assertEquals(account, administration.get("Principal"), key);
            var actions = asList(administration.get("Action"));
            for (String needed : List.of("kms:Put*", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion", "kms:Get*",
                    "kms:Describe*", "kms:List*", "kms:Disable*", "kms:Enable*")) {
                assertTrue(actions.contains(needed), key + " administration lacks " + needed);
            }
            assertFalse(actions.stream().anyMatch(a -> a.equals("kms:*") || a.equals("kms:Sign") || a.equals("kms:S*")), key + ": " + actions);

            var deny = statements.stream().filter(s -> "Deny".equals(s.get("Effect"))).toList();
            assertEquals(1, deny.size(), key);
            assertEquals("*", deny.get(0).get("Principal"), key);
            assertEquals("kms:Sign", deny.get(0).get("Action"), key);
            assertEquals("*", deny.get(0).get("Resource"), key);
            @SuppressWarnings("unchecked")
            var roleName = (List<Object>) ((Map<String, Object>) properties(role).get("RoleName")).get("Fn::Sub");
            List<Object> exempted = new java.util.ArrayList<>(List.of(Map.of("Fn::Sub", List.of(
                    "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/" + roleName.get(0), roleName.get(1)))));
            if (key.equals("SigningKey")) {
                exempted.add(BREAK_GLASS_WHEN_SET);
                exempted.add(REVIEWER_WHEN_SET);
            }
            assertEquals(Map.of("Fn::If", List.of(replaced.get(key), Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", exempted)),
                    Map.of("Ref", "AWS::NoValue"))), deny.get(0).get("Condition"), key);
            for (var statement : statements) {
                if ("Allow".equals(statement.get("Effect"))) {
                    assertEquals(account, statement.get("Principal"), key + ": " + statement.get("Sid"));
                }
            }
        });
        assertEquals(stackSub("biometric-verify-${StackUuid}"), properties("VerifyFunctionRole").get("RoleName"));
        assertEquals(stackSub("biometric-seal-${StackUuid}"), properties("SealFunctionRole").get("RoleName"));
    }

    /**
     * The archive keeps every seal version in COMPLIANCE mode for the parameter's days; its policy
     * denies to everyone deleting, unlocking, expiring and a write that is not a first write.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theSealArchiveLocksEverySealAndItsPolicyDeniesDeletionToEveryone() {
        var bucket = properties("SealArchiveBucket");
        assertEquals(true, bucket.get("ObjectLockEnabled"));
        assertEquals(Map.of("ObjectLockEnabled", "Enabled", "Rule", Map.of("DefaultRetention",
                Map.of("Mode", "COMPLIANCE", "Days", Map.of("Ref", "SealArchiveRetentionDays")))), bucket.get("ObjectLockConfiguration"));
        assertEquals(Map.of("Status", "Enabled"), bucket.get("VersioningConfiguration"));
        assertFalse(bucket.containsKey("LifecycleConfiguration"), "no seal expires");
        assertEquals("CreateSealArchiveBucket", resource("SealArchiveBucket").get("Condition"));
        assertEquals("CreateSealArchiveBucket", resource("SealArchiveBucketPolicy").get("Condition"));
        var parameters = (Map<String, Map<String, Object>>) TEMPLATE.get("Parameters");
        assertEquals(2555, parameters.get("SealArchiveRetentionDays").get("Default"));
        assertEquals(1, parameters.get("SealArchiveRetentionDays").get("MinValue"));
        assertEquals("", parameters.get("SealArchiveBucketName").get("Default"));

        var statements = (List<Map<String, Object>>) ((Map<String, Object>) properties("SealArchiveBucketPolicy")
                .get("PolicyDocument")).get("Statement");
        var objects = Map.of("Fn::Sub", "${SealArchiveBucket.Arn}/*");
        assertEquals(Map.of("Effect", "Deny", "Principal", "*", "Resource", objects, "Sid", "NobodyDeletesOrUnlocksSeals",
                "Action", List.of("s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObjectRetention", "s3:BypassGovernanceRetention")),
                bySid(statements, "NobodyDeletesOrUnlocksSeals"));
        assertEquals(Map.of("Effect", "Deny", "Principal", "*", "Resource", getAtt("SealArchiveBucket", "Arn"),
                "Sid", "NobodyShortensTheLockOrExpiresSeals",
                "Action", List.of("s3:PutBucketObjectLockConfiguration", "s3:PutLifecycleConfiguration")),
                bySid(statements, "NobodyShortensTheLockOrExpiresSeals"));
        assertEquals(Map.of("Effect", "Deny", "Principal", "*", "Resource", objects, "Sid", "EveryWriteIsFirstWrite",
                "Action", "s3:PutObject", "Condition", Map.of("Null", Map.of("s3:if-none-match", "true"))),
                bySid(statements, "EveryWriteIsFirstWrite"));
    }

    /**
     * Evidence survives stack deletion. A rolled-back first deploy removes what it created
     * (RetainExceptOnCreate), so its retry does not fail on leftovers; the tables keep Retain, as a
     * table under deletion protection cannot be deleted by a rollback, and so have no fixed name (the
     * access-log and trail buckets keep Retain too: FirstDeployRollbackTest).
     */
    @Test
    void evidenceResourcesSurviveStackDeletionAndAFailedFirstDeployCanBeRetried() {
        for (String evidence : List.of("UploadBucket", "DataKey", "SigningKey", "SealSigningKey", "DeadLetterQueue",
                "VerifyFunctionLogGroup", "SealFunctionLogGroup", "SealArchiveBucket",
                "ChangeAlarmFunctionLogGroup", "ChangeAlarmFailureQueue")) {
            assertEquals("RetainExceptOnCreate", resource(evidence).get("DeletionPolicy"), evidence);
            assertEquals("Retain", resource(evidence).get("UpdateReplacePolicy"), evidence);
        }
        for (String table : List.of("AuditTable", "SealTable")) {
            assertEquals("Retain", resource(table).get("DeletionPolicy"), table);
            assertEquals("Retain", resource(table).get("UpdateReplacePolicy"), table);
            assertEquals(true, properties(table).get("DeletionProtectionEnabled"), table);
            assertFalse(properties(table).containsKey("TableName"), table + ": a fixed name would block the retry");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void accessLogsAreOnByDefaultInAPrivateBucketOnlyTheUploadBucketWrites() {
        var parameter = (Map<String, Object>) ((Map<String, Object>) TEMPLATE.get("Parameters")).get("AccessLogBucketName");
        assertEquals("", parameter.get("Default"));
        assertEquals(Map.of("Fn::If", List.of("CreateAccessLogBucket", Map.of("Ref", "AccessLogBucket"),
                Map.of("Ref", "AccessLogBucketName"))),
                ((Map<String, Object>) properties("UploadBucket").get("LoggingConfiguration")).get("DestinationBucketName"));
        assertFalse(properties("AccessLogBucket").containsKey("LoggingConfiguration"), "the log bucket logs nothing");

        var statements = (List<Map<String, Object>>) ((Map<String, Object>) properties("AccessLogBucketPolicy")
                .get("PolicyDocument")).get("Statement");
        var delivery = statements.stream().filter(s -> "S3LogsTheUploadBucketOnly".equals(s.get("Sid"))).findFirst().orElseThrow();
        assertEquals(Map.of("Service", "logging.s3.amazonaws.com"), delivery.get("Principal"));
        assertEquals("s3:PutObject", delivery.get("Action"));
        assertEquals(Map.of("StringEquals", Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId")),
                "ArnEquals", Map.of("aws:SourceArn", stackSub(BUCKET))), delivery.get("Condition"));
    }

    /**
     * CloudFormation accepts stack names of up to 128 characters: every physical name the template
     * builds must fit its service's limit for such a name in the longest region and partition, or a
     * long stack name would fail mid-create. Over every resource of the named types.
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyNameBuiltFromTheStackFitsItsServicesLimitForAnyStackName() {
        Map<String, Map.Entry<String, Integer>> limits = Map.of(
                "AWS::S3::Bucket", Map.entry("BucketName", 63),
                "AWS::Serverless::Function", Map.entry("FunctionName", 64),
                "AWS::Lambda::Function", Map.entry("FunctionName", 64),
                "AWS::SQS::Queue", Map.entry("QueueName", 80),
                "AWS::IAM::Role", Map.entry("RoleName", 64),
                "AWS::Events::Rule", Map.entry("Name", 64),
                "AWS::DynamoDB::Table", Map.entry("TableName", 255),
                "AWS::CloudWatch::Alarm", Map.entry("AlarmName", 255),
                "AWS::SNS::Topic", Map.entry("TopicName", 256),
                "AWS::KMS::Alias", Map.entry("AliasName", 256));
        Map<String, Integer> longest = Map.of("AWS::StackName", 128, "AWS::AccountId", 12,
                "AWS::Region", "ap-southeast-5".length(), "AWS::Partition", "aws-us-gov".length(),
                "StackUuid", "f449b250-b969-11e0-a185-5081d0136786".length());
        int named = 0;
        for (var entry : ((Map<String, Map<String, Object>>) TEMPLATE.get("Resources")).entrySet()) {
            var limit = limits.get(entry.getValue().get("Type"));
            var properties = (Map<String, Object>) entry.getValue().get("Properties");
            if (limit == null || properties == null || !properties.containsKey(limit.getKey())) {
                continue;
            }
            named++;
            Object name = ((Map<String, Object>) properties.get(limit.getKey())).get("Fn::Sub");
            String pattern = name instanceof List<?> list ? (String) list.get(0) : (String) name;
            var variable = Pattern.compile("\\$\\{([^}]+)}").matcher(pattern);
            int length = pattern.replaceAll("\\$\\{[^}]+}", "").length();
            while (variable.find()) {
                Integer bound = longest.get(variable.group(1));
                assertTrue(bound != null, entry.getKey() + ": no known bound for ${" + variable.group(1) + "} in " + pattern);
                length += bound;
            }
            assertTrue(length <= limit.getValue(), entry.getKey() + "." + limit.getKey() + " " + pattern + " reaches " + length
                    + " characters for a 128-character stack name; the limit is " + limit.getValue());
        }
        assertTrue(named > 0);
    }
}
