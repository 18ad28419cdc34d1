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
        String topic = reader.required("ALERT_TOPIC_ARN");
        if (topic != null && !topic.matches("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}")) {
            reader.problem("ALERT_TOPIC_ARN must be an SNS topic ARN such as arn:aws:sns:eu-west-1:123456789012:alerts, got '"
                    + topic + "'");
        }
        var aws = reader.awsAccess();
        reader.failIfAnyProblem();
        return new ChangeAlarmSettings(auditTable, sealTable, topic, aws);
    }
}
