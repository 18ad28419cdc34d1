package com.biometriclogger.template;

import static com.biometriclogger.template.TemplateParts.BUCKET;
import static com.biometriclogger.template.TemplateParts.ITEM_KEY;
import static com.biometriclogger.template.TemplateParts.REFERENCE_OBJECTS;
import static com.biometriclogger.template.TemplateParts.SEAL_KEY;
import static com.biometriclogger.template.TemplateParts.UPLOAD_OBJECTS;
import static com.biometriclogger.template.TemplateParts.asList;
import static com.biometriclogger.template.TemplateParts.environment;
import static com.biometriclogger.template.TemplateParts.getAtt;
import static com.biometriclogger.template.TemplateParts.grantsBySid;
import static com.biometriclogger.template.TemplateParts.properties;
import static com.biometriclogger.template.TemplateParts.resource;
import static com.biometriclogger.template.TemplateParts.roleStatements;
import static com.biometriclogger.template.TemplateParts.sealEnvironment;
import static com.biometriclogger.template.TemplateParts.stackSub;
import static com.biometriclogger.template.TemplateParts.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What each function's role may do in template.yaml, statement by statement, and who may invoke it. */
class RolePoliciesTest {

    @Test
    void everyRoleStatementGrantsItsActionsOnExactlyTheExpectedResource() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("ReadUploadedImages", List.of(List.of("s3:GetObject", "s3:GetObjectVersion"), stackSub(UPLOAD_OBJECTS)));
        expected.put("ReadReferenceImages", List.of(List.of("s3:GetObject", "s3:GetObjectVersion"), stackSub(REFERENCE_OBJECTS)));
        expected.put("TellMissingReferences", List.of(List.of("s3:ListBucket"), stackSub(BUCKET)));
        expected.put("WriteAuditItems", List.of(List.of("dynamodb:PutItem"), getAtt("AuditTable", "Arn")));
        expected.put("ReadEnrolments", List.of(List.of("dynamodb:GetItem"), getAtt("AuditTable", "Arn")));
        expected.put("CountFailures", List.of(List.of("dynamodb:Query"), Map.of("Fn::Sub", "${AuditTable.Arn}/index/failuresBySubject")));
        expected.put("AnalyseFaces", List.of(List.of("rekognition:DetectFaces", "rekognition:CompareFaces"), "*"));
        expected.put("UseDataKey", List.of(List.of("kms:Decrypt", "kms:GenerateDataKey"), getAtt("DataKey", "Arn")));
        expected.put("SignEvidence", List.of(List.of("kms:Sign"), ITEM_KEY));
        expected.put("TrustEnrolments", List.of(List.of("kms:GetPublicKey"), ITEM_KEY));
        expected.put("DeadLetters", List.of(List.of("sqs:SendMessage"), getAtt("DeadLetterQueue", "Arn")));
        expected.put("CommitDecisions", List.of(List.of("s3:PutObject"), Map.of("Fn::Sub", List.of(
                "arn:${AWS::Partition}:s3:::${Bucket}/${CommitmentArchivePrefix}*", Map.of("Bucket", Map.of("Fn::If", List.of(
                        "CreateSealArchiveBucket", Map.of("Ref", "SealArchiveBucket"), Map.of("Ref", "SealArchiveBucketName"))))))));
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
        // The role reads under exactly the prefixes the bucket notifies the function for.
        assertEquals(stackSub(BUCKET + "/${UploadPrefix}*"), statement("VerifyFunctionRole", "ReadUploadedImages").get("Resource"));
        assertEquals(stackSub(BUCKET + "/${ReferencePrefix}*"), statement("VerifyFunctionRole", "ReadReferenceImages").get("Resource"));
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
}
