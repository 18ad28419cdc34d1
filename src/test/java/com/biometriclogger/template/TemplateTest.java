package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.config.ChangeAlarmSettings;
import com.biometriclogger.config.SealSettings;
import com.biometriclogger.config.Settings;
import com.biometriclogger.decision.ErasureRecord;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What security depends on in template.yaml that guard rules cannot say as precisely. */
class TemplateTest {

    private static final Map<String, Object> TEMPLATE = CloudFormationYaml.load(Path.of("template.yaml"));

    private static final String KEY_ARN = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String TOPIC_ARN = "arn:aws:sns:eu-west-1:123456789012:stack-alerts";
    private static final String BUCKET_NAME = "biometric-uploads-${StackUuid}";
    private static final String BUCKET = "arn:${AWS::Partition}:s3:::" + BUCKET_NAME;
    private static final String UPLOAD_OBJECTS = BUCKET + "/${UploadPrefix}*";
    private static final String REFERENCE_OBJECTS = BUCKET + "/${ReferencePrefix}*";
    /** The key each function signs with: the stack's own, unless a parameter names its replacement. */
    private static final Map<String, Object> ITEM_KEY = Map.of("Fn::If", List.of("SignsWithOwnKey",
            getAtt("SigningKey", "Arn"), Map.of("Ref", "ReplacementSigningKeyArn")));
    private static final Map<String, Object> SEAL_KEY = Map.of("Fn::If", List.of("SealsWithOwnKey",
            getAtt("SealSigningKey", "Arn"), Map.of("Ref", "ReplacementSealSigningKeyArn")));
    private static final Map<String, Object> BREAK_GLASS_WHEN_SET = Map.of("Fn::If", List.of("HasBreakGlassRole",
            Map.of("Ref", "BreakGlassRoleArn"), Map.of("Ref", "AWS::NoValue")));
    private static final Map<String, Object> REVIEWER_WHEN_SET = Map.of("Fn::If", List.of("HasReviewerRole",
            Map.of("Ref", "ReviewerRoleArn"), Map.of("Ref", "AWS::NoValue")));

    @Test
    void everyRoleStatementGrantsItsActionsOnExactlyTheExpectedResource() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("ReadUploadedImages", List.of(List.of("s3:GetObject", "s3:GetObjectVersion"), stackSub(UPLOAD_OBJECTS)));
        expected.put("ReadReferenceImages", List.of(List.of("s3:GetObject", "s3:GetObjectVersion"), stackSub(REFERENCE_OBJECTS)));
        expected.put("TellMissingReferences", List.of(List.of("s3:ListBucket"), stackSub(BUCKET)));
        expected.put("WriteAuditItems", List.of(List.of("dynamodb:PutItem"), getAtt("AuditTable", "Arn")));
        expected.put("ReadEnrolments", List.of(List.of("dynamodb:GetItem"), getAtt("AuditTable", "Arn")));
        expected.put("AnalyseFaces", List.of(List.of("rekognition:DetectFaces", "rekognition:CompareFaces"), "*"));
        expected.put("UseDataKey", List.of(List.of("kms:Decrypt", "kms:GenerateDataKey"), getAtt("DataKey", "Arn")));
        expected.put("SignEvidence", List.of(List.of("kms:Sign"), ITEM_KEY));
        expected.put("TrustEnrolments", List.of(List.of("kms:GetPublicKey"), ITEM_KEY));
        expected.put("DeadLetters", List.of(List.of("sqs:SendMessage"), getAtt("DeadLetterQueue", "Arn")));
        expected.put("WriteOwnLogs", List.of(List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                Map.of("Fn::Sub", "${VerifyFunctionLogGroup.Arn}:*")));

        assertEquals(expected, grantsBySid("VerifyFunctionRole"));
    }

    @Test
    void theSealerMayReadItsHoursWriteSealsAddArchiveObjectsAndSignOnlyWithTheSealKey() {
        Map<String, Object> archive = Map.of("Bucket", Map.of("Fn::If", List.of("CreateSealArchiveBucket",
                Map.of("Ref", "SealArchiveBucket"), Map.of("Ref", "SealArchiveBucketName"))));
        Map<String, Object> archivedSeals = Map.of("Fn::Sub",
                List.of("arn:${AWS::Partition}:s3:::${Bucket}/${SealArchivePrefix}*", archive));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("ReadHourlyAttemptIds", List.of(List.of("dynamodb:Query"),
                Map.of("Fn::Sub", "${AuditTable.Arn}/index/bySealPeriod")));
        expected.put("ReadHourlyItems", List.of(List.of("dynamodb:BatchGetItem"), getAtt("AuditTable", "Arn")));
        expected.put("WriteSeals", List.of(List.of("dynamodb:GetItem", "dynamodb:PutItem"), getAtt("SealTable", "Arn")));
        expected.put("SignSeals", List.of(List.of("kms:Sign"), SEAL_KEY));
        expected.put("UseDataKey", List.of(List.of("kms:Decrypt", "kms:GenerateDataKey"), getAtt("DataKey", "Arn")));
        expected.put("ArchiveSeals", List.of(List.of("s3:PutObject"), archivedSeals));
        expected.put("ReadArchivedSeals", List.of(List.of("s3:GetObject", "s3:GetObjectVersion"), archivedSeals));
        expected.put("ListArchivedSeals", List.of(List.of("s3:ListBucket", "s3:ListBucketVersions"),
                Map.of("Fn::Sub", List.of("arn:${AWS::Partition}:s3:::${Bucket}", archive))));
        expected.put("WriteOwnLogs", List.of(List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                Map.of("Fn::Sub", "${SealFunctionLogGroup.Arn}:*")));

        assertEquals(expected, grantsBySid("SealFunctionRole"));
        assertEquals(getAtt("SealFunctionRole", "Arn"), properties("SealFunction").get("Role"));
        assertEquals(Map.of("Null", Map.of("s3:if-none-match", "false")), statement("SealFunctionRole", "ArchiveSeals").get("Condition"),
                "the role adds an hour's object only where none is");
        assertEquals(Map.of("StringLike", Map.of("s3:prefix", Map.of("Fn::Sub", "${SealArchivePrefix}*"))),
                statement("SealFunctionRole", "ListArchivedSeals").get("Condition"));
        assertEquals(archive.get("Bucket"), sealEnvironment().get("SEAL_ARCHIVE_BUCKET"));
        assertEquals(Map.of("Ref", "SealArchivePrefix"), sealEnvironment().get("SEAL_ARCHIVE_PREFIX"));
    }

    /**
     * The template sets every variable the seal function's settings read (recorded as they are read,
     * so the list comes from SealSettings, not from this test), and with the template's values they
     * pass its validation; AWS_* are Lambda's own.
     */
    @Test
    void theSealFunctionIsGivenEveryVariableItsSettingsRead() {
        assertEquals(new TreeSet<>(sealEnvironment().keySet()), variablesRead(sealEnvironment(), SealSettings::fromEnvironment),
                "the template sets exactly the variables SealSettings reads");
        assertEquals(Map.of("Ref", "AuditTable"), sealEnvironment().get("AUDIT_TABLE_NAME"));
        assertEquals(Map.of("Ref", "SealTable"), sealEnvironment().get("SEAL_TABLE_NAME"));
    }

    @Test
    void theChangeAlarmFunctionIsGivenEveryVariableItsSettingsRead() {
        var environment = functionEnvironment("ChangeAlarmFunction");

        assertEquals(new TreeSet<>(environment.keySet()), variablesRead(environment, ChangeAlarmSettings::fromEnvironment),
                "the template sets exactly the variables ChangeAlarmSettings reads");
        assertEquals(Map.of("Ref", "AuditTable"), environment.get("AUDIT_TABLE_NAME"));
        assertEquals(Map.of("Ref", "SealTable"), environment.get("SEAL_TABLE_NAME"));
        assertEquals(Map.of("Ref", "AlertTopic"), environment.get("ALERT_TOPIC_ARN"));
    }

    /**
     * The change alarm reads the two streams and erasure records and publishes alerts: no statement
     * of its role names a write to any table (it must never change the evidence it watches).
     */
    @Test
    void theChangeAlarmMayReadTheStreamsAndErasureRecordsAndPublishButWriteNoTable() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("ReadEvidenceStreams", List.of(List.of("dynamodb:DescribeStream", "dynamodb:GetRecords",
                "dynamodb:GetShardIterator", "dynamodb:ListStreams"),
                List.of(getAtt("AuditTable", "StreamArn"), getAtt("SealTable", "StreamArn"))));
        expected.put("ReadErasureRecords", List.of(List.of("dynamodb:GetItem"), getAtt("AuditTable", "Arn")));
        expected.put("PublishAlerts", List.of(List.of("sns:Publish"), Map.of("Ref", "AlertTopic")));
        expected.put("UseDataKey", List.of(List.of("kms:Decrypt", "kms:GenerateDataKey"), getAtt("DataKey", "Arn")));
        expected.put("ReportUnannouncedChanges", List.of(List.of("sqs:SendMessage"), getAtt("ChangeAlarmFailureQueue", "Arn")));
        expected.put("WriteOwnLogs", List.of(List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                Map.of("Fn::Sub", "${ChangeAlarmFunctionLogGroup.Arn}:*")));

        assertEquals(expected, grantsBySid("ChangeAlarmFunctionRole"));
        assertEquals(getAtt("ChangeAlarmFunctionRole", "Arn"), properties("ChangeAlarmFunction").get("Role"));
        for (var statement : roleStatements("ChangeAlarmFunctionRole")) {
            for (Object action : asList(statement.get("Action"))) {
                assertFalse(Pattern.matches("dynamodb:(Put|Update|Delete|BatchWrite|PartiQL|TransactWrite|Restore|Import).*|dynamodb:\\*",
                        (String) action), statement.get("Sid") + " grants the write " + action);
            }
        }
    }

    /**
     * Both tables stream old and new images to the function; INSERTs are filtered out, failures are
     * retried from the failing record, split, bounded in time and retries, then sent to the failure queue.
     */
    @Test
    @SuppressWarnings("unchecked")
    void bothEvidenceStreamsReachTheChangeAlarmWithBoundedRetriesAndAFailureQueue() {
        for (String table : List.of("AuditTable", "SealTable")) {
            assertEquals(Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"), properties(table).get("StreamSpecification"), table);
        }
        for (var mapping : Map.of("AuditTableChanges", "AuditTable", "SealTableChanges", "SealTable").entrySet()) {
            var properties = properties(mapping.getKey());
            assertEquals(getAtt(mapping.getValue(), "StreamArn"), properties.get("EventSourceArn"), mapping.getKey());
            assertEquals(Map.of("Ref", "ChangeAlarmFunction"), properties.get("FunctionName"));
            assertEquals(List.of("ReportBatchItemFailures"), properties.get("FunctionResponseTypes"));
            assertEquals(true, properties.get("BisectBatchOnFunctionError"));
            assertEquals(10, properties.get("MaximumRetryAttempts"));
            assertEquals(3600, properties.get("MaximumRecordAgeInSeconds"));
            assertEquals(Map.of("OnFailure", Map.of("Destination", getAtt("ChangeAlarmFailureQueue", "Arn"))),
                    properties.get("DestinationConfig"));
        }
        assertEquals("IteratorAge", properties("ChangeAlarmIteratorAgeAlarm").get("MetricName"));
        assertEquals(Map.of("Ref", "ChangeAlarmFunction"),
                ((List<Map<String, Object>>) properties("ChangeAlarmErrorsAlarm").get("Dimensions")).get(0).get("Value"));
        assertEquals(Map.of("Fn::GetAtt", List.of("ChangeAlarmFailureQueue", "QueueName")),
                ((List<Map<String, Object>>) properties("ChangeAlarmFailuresAlarm").get("Dimensions")).get(0).get("Value"));
    }

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

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tableStatements(String table) {
        return (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) properties(table)
                .get("ResourcePolicy")).get("PolicyDocument")).get("Statement");
    }

    /** EventBridge may publish to the alert topic for the control-plane rules only, each to that topic alone. */
    @Test
    @SuppressWarnings("unchecked")
    void onlyTheControlPlaneRulesMayPublishToTheTopicInEventBridgesName() {
        var statements = (List<Map<String, Object>>) ((Map<String, Object>) properties("AlertTopicPolicy").get("PolicyDocument"))
                .get("Statement");
        var events = bySid(statements, "ControlPlaneRulePublishes");
        assertEquals(Map.of("Service", "events.amazonaws.com"), events.get("Principal"));
        assertEquals("sns:Publish", events.get("Action"));
        var rules = List.of("ControlPlaneKeysRule", "ControlPlaneTablesRule", "ControlPlaneBucketsRule",
                "ControlPlaneFunctionsRule", "ControlPlaneAlertsRule");
        assertEquals(Map.of("ArnEquals", Map.of("aws:SourceArn", rules.stream().map(r -> getAtt(r, "Arn")).toList())),
                events.get("Condition"));
        for (String rule : rules) {
            var targets = (List<Map<String, Object>>) properties(rule).get("Targets");
            assertEquals(Map.of("Ref", "AlertTopic"), targets.get(0).get("Arn"), rule);
            assertEquals(1, targets.size(), rule);
        }
    }

    /** The names the settings read from a function's environment, given the template's variables with valid values. */
    private static Set<String> variablesRead(Map<String, Object> environment, Consumer<Map<String, String>> settings) {
        Map<String, String> values = new HashMap<>(Map.of("AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "A",
                "AWS_SECRET_ACCESS_KEY", "S"));
        environment.keySet().forEach(name -> values.put(name, name.endsWith("KEY_ARN") ? KEY_ARN
                : name.endsWith("TOPIC_ARN") ? TOPIC_ARN : "audit-seals/"));
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

    /**
     * A stopped sealer publishes no datapoints, so "missing" turns the alarm INSUFFICIENT_DATA and that
     * transition must notify; "breaching" would alert on every fresh stack before its first run.
     */
    @Test
    void aStoppedSealFunctionNotifiesOnInsufficientDataButAFreshStackDoesNot() {
        var alarm = properties("SealFunctionSilentAlarm");
        assertEquals("Invocations", alarm.get("MetricName"));
        assertEquals("missing", alarm.get("TreatMissingData"));
        assertEquals(List.of(Map.of("Ref", "AlertTopic")), alarm.get("InsufficientDataActions"));
    }

    @Test
    void everySealHoleRaisesAnAlarm() {
        var filter = properties("SealHolesMetricFilter");
        assertEquals("{ $.alert = \"SEAL_HOLE\" }", filter.get("FilterPattern"));
        assertEquals(Map.of("Ref", "SealFunctionLogGroup"), filter.get("LogGroupName"));
        var alarm = properties("SealHoleAlarm");
        assertEquals("SealHoles", alarm.get("MetricName"));
        assertEquals("Sum", alarm.get("Statistic"));
        assertEquals(1, alarm.get("Threshold"));
        assertEquals("GreaterThanOrEqualToThreshold", alarm.get("ComparisonOperator"));
        assertEquals(List.of(Map.of("Ref", "AlertTopic")), alarm.get("AlarmActions"));
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

    @Test
    void theRoleHasNoManagedPoliciesAndTheFunctionUsesThatRole() {
        var role = properties("VerifyFunctionRole");
        assertFalse(role.containsKey("ManagedPolicyArns"), "managed policies: " + role.get("ManagedPolicyArns"));
        assertEquals(getAtt("VerifyFunctionRole", "Arn"), properties("VerifyFunction").get("Role"));
        assertFalse(properties("VerifyFunction").containsKey("Policies"), "SAM policies would add statements");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFunctionReadsTheSamePrefixesItIsNotifiedFor() {
        var notifications = (List<Map<String, Object>>) ((Map<String, Object>) properties("UploadBucket")
                .get("NotificationConfiguration")).get("LambdaConfigurations");

        assertEquals(List.of("{S3Key={Rules=[{Name=prefix, Value={Ref=UploadPrefix}}]}}",
                "{S3Key={Rules=[{Name=prefix, Value={Ref=ReferencePrefix}}]}}"),
                notifications.stream().map(n -> n.get("Filter").toString()).toList());
        for (var notification : notifications) {
            assertEquals(Map.of("Ref", "VerifyFunction.Alias"), notification.get("Function"));
            assertEquals("s3:ObjectCreated:*", notification.get("Event"));
        }
        assertEquals(Map.of("Ref", "UploadPrefix"), environment().get("UPLOAD_PREFIX"));
        assertEquals(Map.of("Ref", "ReferencePrefix"), environment().get("REFERENCE_PREFIX"));
        assertTrue(UPLOAD_OBJECTS.endsWith("/${UploadPrefix}*"));
        assertTrue(REFERENCE_OBJECTS.endsWith("/${ReferencePrefix}*"));
    }

    @Test
    void onlyTheUploadBucketMayInvokeTheFunctionItNotifies() {
        var permission = properties("VerifyFunctionInvokedByS3");
        assertEquals(Map.of("Ref", "VerifyFunction.Alias"), permission.get("FunctionName"));
        assertEquals("s3.amazonaws.com", permission.get("Principal"));
        assertEquals(stackSub(BUCKET), permission.get("SourceArn"));
        assertEquals(Map.of("Ref", "AWS::AccountId"), permission.get("SourceAccount"));
        assertEquals("VerifyFunctionInvokedByS3", resource("UploadBucket").get("DependsOn"));
    }

    @Test
    void everyEnvironmentVariableIsOneTheFunctionReadsAndValidates() {
        Map<String, String> env = new HashMap<>();
        environment().keySet().forEach(name -> env.put(name, "1"));
        env.put("UPLOAD_PREFIX", "uploads/");
        env.put("AUDIT_TABLE_NAME", "audit");
        env.put("UPLOAD_BUCKET", "bucket");
        env.put("VERIFICATION_MODE", "MATCH");
        env.put("REFERENCE_PREFIX", "references/");
        env.put("SIGNING_KEY_ARN", KEY_ARN);
        env.putAll(Map.of("AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "A", "AWS_SECRET_ACCESS_KEY", "S"));

        Settings.fromEnvironment(env);

        assertEquals(List.of("AUDIT_TABLE_NAME", "MAX_PITCH_DEGREES", "MAX_ROLL_DEGREES", "MAX_YAW_DEGREES",
                "MIN_BRIGHTNESS", "MIN_FACE_CONFIDENCE", "MIN_SHARPNESS", "MIN_SIMILARITY", "REFERENCE_PREFIX", "REVIEW_SIMILARITY",
                "SIGNING_KEY_ARN", "UPLOAD_BUCKET", "UPLOAD_PREFIX", "VERIFICATION_MODE"),
                environment().keySet().stream().sorted().toList());
        assertEquals(Map.of("Ref", "AuditTable"), environment().get("AUDIT_TABLE_NAME"));
    }

    @Test
    void theBucketNameTheRoleAndFunctionUseIsTheBucketsOwnName() {
        assertEquals(stackSub(BUCKET_NAME), properties("UploadBucket").get("BucketName"));
        assertEquals(stackSub(BUCKET_NAME), environment().get("UPLOAD_BUCKET"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheEnrolmentPrincipalMayWriteOrDeleteReferences() {
        var statements = (List<Object>) ((Map<String, Object>) properties("UploadBucketPolicy").get("PolicyDocument"))
                .get("Statement");
        var enrolment = statements.stream()
                .filter(s -> s instanceof Map<?, ?> m && "OnlyTheEnrolmentPrincipalEnrols".equals(m.get("Sid")))
                .map(s -> (Map<String, Object>) s)
                .findFirst().orElseThrow(() -> new AssertionError("no enrolment statement in the bucket policy"));

        assertEquals("Deny", enrolment.get("Effect"));
        assertEquals("*", enrolment.get("Principal"));
        assertEquals(List.of("s3:PutObject", "s3:DeleteObject"), enrolment.get("Action"));
        assertEquals(Map.of("Fn::Sub", "${UploadBucket.Arn}/${ReferencePrefix}*"), enrolment.get("Resource"));
        assertEquals(Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", Map.of("Ref", "EnrolmentPrincipalArn"))),
                enrolment.get("Condition"));
        var versions = statements.stream()
                .filter(s -> s instanceof Map<?, ?> m && "OnlyTheEnrolmentPrincipalAndErasureDeleteReferenceVersions".equals(m.get("Sid")))
                .map(s -> (Map<String, Object>) s).findFirst().orElseThrow();
        assertEquals(Map.of("Sid", "OnlyTheEnrolmentPrincipalAndErasureDeleteReferenceVersions", "Effect", "Deny", "Principal", "*",
                "Action", "s3:DeleteObjectVersion", "Resource", Map.of("Fn::Sub", "${UploadBucket.Arn}/${ReferencePrefix}*"),
                "Condition", Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", List.of(Map.of("Ref", "EnrolmentPrincipalArn"),
                        BREAK_GLASS_WHEN_SET)))), versions, "erase deletes reference versions as the break-glass role");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEnrolmentPrincipalMustBeNamedAsARoleOrUserArn() {
        var parameter = (Map<String, Object>) ((Map<String, Object>) TEMPLATE.get("Parameters")).get("EnrolmentPrincipalArn");
        var pattern = Pattern.compile((String) parameter.get("AllowedPattern"));

        assertFalse(parameter.containsKey("Default"), "a default would let a deploy skip the choice");
        assertTrue(pattern.matcher("arn:aws:iam::123456789012:role/enrolment").matches());
        assertTrue(pattern.matcher("arn:aws-us-gov:iam::123456789012:user/ops/alice").matches());
        assertFalse(pattern.matcher("").matches());
        assertFalse(pattern.matcher("*").matches());
        assertFalse(pattern.matcher("arn:aws:iam::123456789012:root").matches());
        assertFalse(pattern.matcher("arn:aws:iam::123456789012:role/*").matches());
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

    @Test
    void everyEnrolmentRaisesAnAlarm() {
        var filter = properties("EnrolmentsMetricFilter");
        assertEquals("{ $.decision = \"ENROLLED\" && $.outcome = \"AUDITED\" }", filter.get("FilterPattern"));
        assertEquals(Map.of("Ref", "VerifyFunctionLogGroup"), filter.get("LogGroupName"));
        var alarm = properties("EnrolmentAlarm");
        assertEquals("Enrolments", alarm.get("MetricName"));
        assertEquals(1, alarm.get("Threshold"));
        assertEquals("GreaterThanOrEqualToThreshold", alarm.get("ComparisonOperator"));
        assertEquals(List.of(Map.of("Ref", "AlertTopic")), alarm.get("AlarmActions"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void replacedReferencePhotosExpireADayLater() {
        var rules = (List<Map<String, Object>>) ((Map<String, Object>) properties("UploadBucket").get("LifecycleConfiguration"))
                .get("Rules");
        var references = rules.stream().filter(r -> Map.of("Ref", "ReferencePrefix").equals(r.get("Prefix"))).findFirst().orElseThrow();

        assertEquals("Enabled", references.get("Status"));
        assertEquals(Map.of("NoncurrentDays", 1), references.get("NoncurrentVersionExpiration"));
        assertFalse(references.containsKey("ExpirationInDays"), "the current reference stays until replaced or erased");
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

    /** A !Sub over the stack id's UUID, as every use of the upload bucket's name is written. */
    private static Map<String, Object> stackSub(String pattern) {
        return Map.of("Fn::Sub", List.of(pattern,
                Map.of("StackUuid", Map.of("Fn::Select", List.of(2, Map.of("Fn::Split", List.of("/", Map.of("Ref", "AWS::StackId"))))))));
    }

    /** Each statement's actions and resource, by Sid; every statement must allow. */
    private static Map<String, Object> grantsBySid(String role) {
        Map<String, Object> grants = new LinkedHashMap<>();
        for (Map<String, Object> statement : roleStatements(role)) {
            assertEquals("Allow", statement.get("Effect"), statement.toString());
            grants.put((String) statement.get("Sid"), List.of(asList(statement.get("Action")), statement.get("Resource")));
        }
        return grants;
    }

    private static Map<String, Object> statement(String role, String sid) {
        return bySid(roleStatements(role), sid);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> keyStatements(String key) {
        return (List<Map<String, Object>>) ((Map<String, Object>) properties(key).get("KeyPolicy")).get("Statement");
    }

    private static Map<String, Object> bySid(List<Map<String, Object>> statements, String sid) {
        return statements.stream().filter(s -> sid.equals(s.get("Sid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> roleStatements(String role) {
        var policies = (List<Map<String, Object>>) properties(role).get("Policies");
        assertEquals(1, policies.size());
        return (List<Map<String, Object>>) ((Map<String, Object>) policies.get(0).get("PolicyDocument")).get("Statement");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment() {
        return (Map<String, Object>) ((Map<String, Object>) properties("VerifyFunction").get("Environment")).get("Variables");
    }

    private static Map<String, Object> sealEnvironment() {
        return functionEnvironment("SealFunction");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> functionEnvironment(String function) {
        return (Map<String, Object>) ((Map<String, Object>) properties(function).get("Environment")).get("Variables");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resource(String name) {
        return (Map<String, Object>) ((Map<String, Object>) TEMPLATE.get("Resources")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(String name) {
        return (Map<String, Object>) resource(name).get("Properties");
    }

    private static Map<String, Object> getAtt(String resource, String attribute) {
        return Map.of("Fn::GetAtt", List.of(resource, attribute));
    }

    private static List<?> asList(Object value) {
        return value instanceof List<?> list ? list : List.of(value);
    }
}
