package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.config.SealSettings;
import com.biometriclogger.config.Settings;
import com.biometriclogger.local.AuditTable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What security depends on in template.yaml that guard rules cannot say as precisely. */
class TemplateTest {

    private static final Map<String, Object> TEMPLATE = CloudFormationYaml.load(Path.of("template.yaml"));

    private static final String BUCKET = "arn:${AWS::Partition}:s3:::${AWS::StackName}-uploads-${AWS::AccountId}-${AWS::Region}";
    private static final String UPLOAD_OBJECTS = BUCKET + "/${UploadPrefix}*";
    private static final String REFERENCE_OBJECTS = BUCKET + "/${ReferencePrefix}*";

    @Test
    void everyRoleStatementGrantsItsActionsOnExactlyTheExpectedResource() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("ReadUploadedImages", List.of(List.of("s3:GetObject", "s3:GetObjectVersion"), Map.of("Fn::Sub", UPLOAD_OBJECTS)));
        expected.put("ReadReferenceImages", List.of(List.of("s3:GetObject", "s3:GetObjectVersion"),
                Map.of("Fn::Sub", REFERENCE_OBJECTS)));
        expected.put("TellMissingReferences", List.of(List.of("s3:ListBucket"), Map.of("Fn::Sub", BUCKET)));
        expected.put("WriteAuditItems", List.of(List.of("dynamodb:PutItem"), getAtt("AuditTable", "Arn")));
        expected.put("ReadEnrolments", List.of(List.of("dynamodb:GetItem"), getAtt("AuditTable", "Arn")));
        expected.put("AnalyseFaces", List.of(List.of("rekognition:DetectFaces", "rekognition:CompareFaces"), "*"));
        expected.put("UseDataKey", List.of(List.of("kms:Decrypt", "kms:GenerateDataKey"), getAtt("DataKey", "Arn")));
        expected.put("SignEvidence", List.of(List.of("kms:Sign"), getAtt("SigningKey", "Arn")));
        expected.put("TrustEnrolments", List.of(List.of("kms:GetPublicKey"), getAtt("SigningKey", "Arn")));
        expected.put("DeadLetters", List.of(List.of("sqs:SendMessage"), getAtt("DeadLetterQueue", "Arn")));
        expected.put("WriteOwnLogs", List.of(List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                Map.of("Fn::Sub", "${VerifyFunctionLogGroup.Arn}:*")));

        assertEquals(expected, grantsBySid("VerifyFunctionRole"));
    }

    @Test
    void theSealerMayReadOneIndexWriteSealsAndSignNothingElse() {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("ReadHourlyAttemptIds", List.of(List.of("dynamodb:Query"),
                Map.of("Fn::Sub", "${AuditTable.Arn}/index/bySealPeriod")));
        expected.put("WriteSeals", List.of(List.of("dynamodb:GetItem", "dynamodb:PutItem"), getAtt("SealTable", "Arn")));
        expected.put("SignEvidence", List.of(List.of("kms:Sign"), getAtt("SigningKey", "Arn")));
        expected.put("UseDataKey", List.of(List.of("kms:Decrypt", "kms:GenerateDataKey"), getAtt("DataKey", "Arn")));
        expected.put("WriteOwnLogs", List.of(List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                Map.of("Fn::Sub", "${SealFunctionLogGroup.Arn}:*")));

        assertEquals(expected, grantsBySid("SealFunctionRole"));
        assertEquals(getAtt("SealFunctionRole", "Arn"), properties("SealFunction").get("Role"));
    }

    @Test
    void everySealFunctionVariableIsOneItValidates() {
        Map<String, String> env = new HashMap<>();
        sealEnvironment().keySet().forEach(name -> env.put(name, "audit-seals"));
        env.put("SIGNING_KEY_ARN", "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");
        env.putAll(Map.of("AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "A", "AWS_SECRET_ACCESS_KEY", "S"));

        var settings = SealSettings.fromEnvironment(env);

        assertEquals(List.of("AUDIT_TABLE_NAME", "SEAL_TABLE_NAME", "SIGNING_KEY_ARN"),
                sealEnvironment().keySet().stream().sorted().toList());
        assertEquals("audit-seals", settings.sealTableName());
        assertEquals(Map.of("Ref", "AuditTable"), sealEnvironment().get("AUDIT_TABLE_NAME"));
    }

    @Test
    void aSilentSealFunctionRaisesAnAlarm() {
        var alarm = properties("SealFunctionSilentAlarm");
        assertEquals("Invocations", alarm.get("MetricName"));
        assertEquals("breaching", alarm.get("TreatMissingData"));
        assertEquals("LessThanThreshold", alarm.get("ComparisonOperator"));
    }

    @Test
    void theSigningKeyIsAnAsymmetricKeyBothFunctionsAreGiven() {
        assertEquals("ECC_NIST_P256", properties("SigningKey").get("KeySpec"));
        assertEquals("SIGN_VERIFY", properties("SigningKey").get("KeyUsage"));
        assertEquals(getAtt("SigningKey", "Arn"), environment().get("SIGNING_KEY_ARN"));
        assertEquals(getAtt("SigningKey", "Arn"), sealEnvironment().get("SIGNING_KEY_ARN"));
        assertEquals(Map.of("Ref", "SealTable"), sealEnvironment().get("SEAL_TABLE_NAME"));
    }

    @Test
    void theRoleHasNoManagedPoliciesAndTheFunctionUsesThatRole() {
        var role = properties("VerifyFunctionRole");
        assertFalse(role.containsKey("ManagedPolicyArns"), "managed policies: " + role.get("ManagedPolicyArns"));
        assertEquals(getAtt("VerifyFunctionRole", "Arn"), properties("VerifyFunction").get("Role"));
        assertFalse(properties("VerifyFunction").containsKey("Policies"), "SAM policies would add statements");
    }

    @Test
    void theFunctionReadsTheSamePrefixItIsNotifiedFor() {
        @SuppressWarnings("unchecked")
        var event = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) properties("VerifyFunction")
                .get("Events")).get("ImageUploaded")).get("Properties");
        assertEquals(Map.of("Ref", "UploadBucket"), event.get("Bucket"));
        assertEquals("{S3Key={Rules=[{Name=prefix, Value={Ref=UploadPrefix}}]}}", event.get("Filter").toString());
        assertEquals(Map.of("Ref", "UploadPrefix"), environment().get("UPLOAD_PREFIX"));
        assertTrue(UPLOAD_OBJECTS.endsWith("/${UploadPrefix}*"));
    }

    @Test
    void everyEnvironmentVariableIsOneTheFunctionReadsAndValidates() {
        Map<String, String> env = new HashMap<>();
        environment().keySet().forEach(name -> env.put(name, "1"));
        env.put("UPLOAD_PREFIX", "uploads/");
        env.put("AUDIT_TABLE_NAME", "audit");
        env.put("UPLOAD_BUCKET", "bucket");
        env.put("VERIFICATION_MODE", "VERIFY");
        env.put("REFERENCE_PREFIX", "references/");
        env.put("SIGNING_KEY_ARN", "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");
        env.putAll(Map.of("AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "A", "AWS_SECRET_ACCESS_KEY", "S"));

        Settings.fromEnvironment(env);

        assertEquals(List.of("AUDIT_TABLE_NAME", "MAX_PITCH_DEGREES", "MAX_ROLL_DEGREES", "MAX_YAW_DEGREES",
                "MIN_BRIGHTNESS", "MIN_FACE_CONFIDENCE", "MIN_SHARPNESS", "MIN_SIMILARITY", "REFERENCE_PREFIX",
                "SIGNING_KEY_ARN", "UPLOAD_BUCKET", "UPLOAD_PREFIX", "VERIFICATION_MODE"),
                environment().keySet().stream().sorted().toList());
        assertEquals(Map.of("Ref", "AuditTable"), environment().get("AUDIT_TABLE_NAME"));
    }

    @Test
    void theBucketNameTheRoleAndFunctionUseIsTheBucketsOwnName() {
        var name = Map.of("Fn::Sub", "${AWS::StackName}-uploads-${AWS::AccountId}-${AWS::Region}");
        assertEquals(name, properties("UploadBucket").get("BucketName"));
        assertEquals(name, environment().get("UPLOAD_BUCKET"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheEnrolmentPrincipalMayWriteReferencesWhenOneIsNamed() {
        var statements = (List<Object>) ((Map<String, Object>) properties("UploadBucketPolicy").get("PolicyDocument"))
                .get("Statement");
        var enrolment = statements.stream()
                .filter(s -> s instanceof Map<?, ?> m && m.containsKey("Fn::If")
                        && ((List<Object>) ((Map<String, Object>) s).get("Fn::If")).get(0).equals("HasEnrolmentPrincipal"))
                .map(s -> (Map<String, Object>) ((List<Object>) ((Map<String, Object>) s).get("Fn::If")).get(1))
                .findFirst().orElseThrow(() -> new AssertionError("no enrolment statement in the bucket policy"));

        assertEquals("Deny", enrolment.get("Effect"));
        assertEquals("s3:PutObject", enrolment.get("Action"));
        assertEquals(Map.of("Fn::Sub", "${UploadBucket.Arn}/${ReferencePrefix}*"), enrolment.get("Resource"));
        assertEquals(Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", Map.of("Ref", "EnrolmentPrincipalArn"))),
                enrolment.get("Condition"));
    }

    @Test
    void evidenceResourcesSurviveStackDeletion() {
        for (String evidence : List.of("AuditTable", "SealTable", "UploadBucket", "DataKey", "SigningKey")) {
            assertEquals("Retain", resource(evidence).get("DeletionPolicy"), evidence);
            assertEquals("Retain", resource(evidence).get("UpdateReplacePolicy"), evidence);
        }
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sealEnvironment() {
        return (Map<String, Object>) ((Map<String, Object>) properties("SealFunction").get("Environment")).get("Variables");
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
