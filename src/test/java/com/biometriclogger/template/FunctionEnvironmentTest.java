package com.biometriclogger.template;

import static com.biometriclogger.template.TemplateParts.BUCKET_NAME;
import static com.biometriclogger.template.TemplateParts.KEY_ARN;
import static com.biometriclogger.template.TemplateParts.environment;
import static com.biometriclogger.template.TemplateParts.functionEnvironment;
import static com.biometriclogger.template.TemplateParts.properties;
import static com.biometriclogger.template.TemplateParts.sealEnvironment;
import static com.biometriclogger.template.TemplateParts.stackSub;
import static com.biometriclogger.template.TemplateParts.variablesRead;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.biometriclogger.config.ChangeAlarmSettings;
import com.biometriclogger.config.SealSettings;
import com.biometriclogger.config.Settings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Each function's environment in template.yaml against what its settings read. */
class FunctionEnvironmentTest {

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

    @Test
    void everyEnvironmentVariableIsOneTheFunctionReadsAndValidates() {
        Map<String, String> env = new HashMap<>();
        environment().keySet().forEach(name -> env.put(name, name.startsWith("AWS_ENDPOINT_URL_") ? "http://127.0.0.1:4566" : "1"));
        env.put("UPLOAD_PREFIX", "uploads/");
        env.put("AUDIT_TABLE_NAME", "audit");
        env.put("UPLOAD_BUCKET", "bucket");
        env.put("VERIFICATION_MODE", "MATCH");
        env.put("REFERENCE_PREFIX", "references/");
        env.put("SIGNING_KEY_ARN", KEY_ARN);
        env.putAll(Map.of("AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "A", "AWS_SECRET_ACCESS_KEY", "S"));

        Settings.fromEnvironment(env);

        assertEquals(List.of("AUDIT_TABLE_NAME", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_ENDPOINT_URL_KMS",
                "AWS_ENDPOINT_URL_REKOGNITION", "AWS_ENDPOINT_URL_S3", "COMMITMENT_ARCHIVE_BUCKET", "COMMITMENT_ARCHIVE_PREFIX",
                "LOCKOUT_FAILURES", "LOCKOUT_WINDOW_MINUTES", "MAX_PITCH_DEGREES", "MAX_ROLL_DEGREES", "MAX_YAW_DEGREES",
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
}
