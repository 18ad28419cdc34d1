package com.biometriclogger.template;

import static com.biometriclogger.template.Deployment.ACCOUNT;
import static com.biometriclogger.template.Deployment.REGION;
import static com.biometriclogger.template.Deployment.SEAL_ROLE;
import static com.biometriclogger.template.Deployment.STACK_UUID;
import static com.biometriclogger.template.Deployment.UPLOAD_BUCKET;
import static com.biometriclogger.template.Deployment.VERIFY_ROLE;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The physical ids and attributes CloudFormation gives the template's resources in a stack of a given name. */
final class PhysicalNames {

    private PhysicalNames() {
    }

    /**
     * What !Ref and !GetAtt give in a stack of that name. For "biometric-logger" these are the names the
     * tests' samples (CloudTrail events, ARNs) were written for; for a long name, CloudFormation's
     * generated names ("stack-LogicalId-SUFFIX", cut to the service's limit) grow with it.
     */
    static Map<String, String> of(String stack) {
        String table = "arn:aws:dynamodb:eu-west-1:123456789012:table/";
        String audit = generated(stack, "AuditTable-1A2B3C4D5E6F", 255);
        String seals = generated(stack, "SealTable-6F5E4D3C2B1A", 255);
        String archive = generated(stack.toLowerCase(Locale.ROOT), "sealarchivebucket-1q2w3e4r5t6y", 63);
        String accessLogs = generated(stack.toLowerCase(Locale.ROOT), "accesslogbucket-7u8i9o0p1a2s", 63);
        String changeAlarm = generated(stack, "ChangeAlarmFunction-Qw3rTy", 64);
        String seal = generated(stack, "SealFunction-Po9Iu8", 64);
        String deadLetters = generated(stack, "DeadLetterQueue-AbC123", 80);
        String changeFailures = generated(stack, "ChangeAlarmFailureQueue-XyZ789", 80);
        String trail = generated(stack.toLowerCase(Locale.ROOT), "trailbucket-3d4f5g6h7j8k", 63);
        String queues = "arn:aws:sqs:eu-west-1:123456789012:";
        String logs = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/" + stack;
        Map<String, String> names = new HashMap<>();
        for (String group : List.of("Keys", "Tables", "Buckets", "Functions", "Alerts")) {
            names.put("ControlPlane" + group + "Rule.Arn", "arn:aws:events:eu-west-1:123456789012:rule/"
                    + generated(stack, "ControlPlane" + group + "Rule-Rt5Yu6", 64));
        }
        names.putAll(Map.ofEntries(
                Map.entry("DataKey.Arn", "arn:aws:kms:eu-west-1:123456789012:key/0d1e2f30-0000-4000-8000-000000000001"),
                Map.entry("SigningKey.Arn", "arn:aws:kms:eu-west-1:123456789012:key/0d1e2f30-0000-4000-8000-000000000002"),
                Map.entry("SealSigningKey.Arn", "arn:aws:kms:eu-west-1:123456789012:key/0d1e2f30-0000-4000-8000-000000000003"),
                Map.entry("AuditTable", audit),
                Map.entry("AuditTable.Arn", table + audit),
                Map.entry("AuditTable.StreamArn", table + audit + "/stream/2026-05-01T00:00:00.000"),
                Map.entry("SealTable", seals),
                Map.entry("SealTable.Arn", table + seals),
                Map.entry("SealTable.StreamArn", table + seals + "/stream/2026-05-01T00:00:00.000"),
                Map.entry("UploadBucket", UPLOAD_BUCKET),
                Map.entry("UploadBucket.Arn", "arn:aws:s3:::" + UPLOAD_BUCKET),
                Map.entry("SealArchiveBucket", archive),
                Map.entry("SealArchiveBucket.Arn", "arn:aws:s3:::" + archive),
                Map.entry("AccessLogBucket", accessLogs),
                Map.entry("AccessLogBucket.Arn", "arn:aws:s3:::" + accessLogs),
                Map.entry("DeadLetterQueue", "https://sqs.eu-west-1.amazonaws.com/123456789012/" + deadLetters),
                Map.entry("DeadLetterQueue.Arn", queues + deadLetters),
                Map.entry("DeadLetterQueue.QueueName", deadLetters),
                Map.entry("ChangeAlarmFailureQueue.Arn", queues + changeFailures),
                Map.entry("ChangeAlarmFailureQueue.QueueName", changeFailures),
                Map.entry("TrailBucket", trail),
                Map.entry("TrailBucket.Arn", "arn:aws:s3:::" + trail),
                Map.entry("SealFunction", seal),
                Map.entry("SealFunction.Arn", "arn:aws:lambda:eu-west-1:123456789012:function:" + seal),
                Map.entry("VerifyFunctionLogGroup", "/aws/lambda/" + stack + "-verify"),
                Map.entry("VerifyFunctionLogGroup.Arn", logs + "-verify:*"),
                Map.entry("SealFunctionLogGroup", "/aws/lambda/" + stack + "-seal"),
                Map.entry("SealFunctionLogGroup.Arn", logs + "-seal:*"),
                Map.entry("ChangeAlarmFunctionLogGroup", "/aws/lambda/" + stack + "-change-alarm"),
                Map.entry("ChangeAlarmFunctionLogGroup.Arn", logs + "-change-alarm:*"),
                Map.entry("ChangeAlarmFunctionRole.Arn", "arn:aws:iam::123456789012:role/" + generated(stack, "ChangeAlarmFunctionRole-Mn4Bv5", 64)),
                Map.entry("DataKey", "0d1e2f30-0000-4000-8000-000000000001"),
                Map.entry("SigningKey", "0d1e2f30-0000-4000-8000-000000000002"),
                Map.entry("SealSigningKey", "0d1e2f30-0000-4000-8000-000000000003"),
                Map.entry("VerifyFunction", generated(stack, "VerifyFunction-Df4Gh5", 64)),
                Map.entry("VerifyFunction.Alias", "arn:aws:lambda:eu-west-1:123456789012:function:"
                        + generated(stack, "VerifyFunction-Df4Gh5", 64) + ":live"),
                Map.entry("VerifyFunctionRole.Arn", VERIFY_ROLE),
                Map.entry("SealFunctionRole.Arn", SEAL_ROLE),
                Map.entry("AuditTableChanges", "6d9bfbd5-0b5c-4f5e-9c57-0f7c1f3e0a11"),
                Map.entry("SealTableChanges", "6d9bfbd5-0b5c-4f5e-9c57-0f7c1f3e0a12"),
                Map.entry("ChangeAlarmFunction", changeAlarm),
                Map.entry("ChangeAlarmFunction.Arn", "arn:aws:lambda:eu-west-1:123456789012:function:" + changeAlarm),
                Map.entry("AlertTopic", "arn:aws:sns:eu-west-1:123456789012:" + stack + "-alerts"),
                Map.entry("SealFunctionHourly", generated(stack, "SealFunctionHourly-Zx9Cv8", 64)),
                Map.entry("SealFunctionHourly.Arn", "arn:aws:events:eu-west-1:123456789012:rule/"
                        + generated(stack, "SealFunctionHourly-Zx9Cv8", 64)),
                Map.entry("AWS::StackId", "arn:aws:cloudformation:eu-west-1:123456789012:stack/" + stack + "/" + STACK_UUID),
                Map.entry("AWS::StackName", stack),
                Map.entry("AWS::AccountId", ACCOUNT),
                Map.entry("AWS::Region", REGION),
                Map.entry("AWS::Partition", "aws")));
        return names;
    }

    /** A name CloudFormation generates: the stack's name cut so that the whole fits the service's limit. */
    static String generated(String stack, String logicalIdAndSuffix, int limit) {
        int room = limit - logicalIdAndSuffix.length() - 1;
        return stack.substring(0, Math.min(stack.length(), room)) + "-" + logicalIdAndSuffix;
    }
}
