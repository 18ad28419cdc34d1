package com.biometriclogger.config;

import com.biometriclogger.aws.AwsAccess;
import java.util.Map;

/**
 * The change-alarm function's environment, validated at start-up like the others'.
 *
 * @param auditTableName where erasure records are looked up, and whose stream it reads
 * @param sealTableName  the other stream it reads
 */
public record ChangeAlarmSettings(String auditTableName, String sealTableName, String alertTopicArn, AwsAccess aws) {

    public static ChangeAlarmSettings fromEnvironment(Map<String, String> env) {
        var reader = new Settings.Reader(env);
        String auditTable = reader.required("AUDIT_TABLE_NAME");
        String sealTable = reader.required("SEAL_TABLE_NAME");
        String topic = reader.snsTopicArn("ALERT_TOPIC_ARN");
        var aws = reader.awsAccess();
        reader.failIfAnyProblem();
        return new ChangeAlarmSettings(auditTable, sealTable, topic, aws);
    }
}
