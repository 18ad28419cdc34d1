package com.biometriclogger.config;

import com.biometriclogger.aws.AwsAccess;
import java.util.Map;

/** The seal function's environment, validated at start-up like the verify function's. */
public record SealSettings(String auditTableName, String sealTableName, String signingKeyArn,
                           AwsAccess aws) {

    public static SealSettings fromEnvironment(Map<String, String> env) {
        var reader = new Settings.Reader(env);
        String auditTable = reader.required("AUDIT_TABLE_NAME");
        String sealTable = reader.required("SEAL_TABLE_NAME");
        String signingKeyArn = reader.signingKeyArn();
        var aws = reader.awsAccess();
        reader.failIfAnyProblem();
        return new SealSettings(auditTable, sealTable, signingKeyArn, aws);
    }
}
