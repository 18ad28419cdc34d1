package com.biometriclogger.config;

import com.biometriclogger.aws.AwsAccess;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The seal function's environment, validated at start-up like the verify function's.
 *
 * @param sealSigningKeyArn its own key, apart from the items' key, so the function role that signs
 *                          items cannot forge a seal and the seal role cannot forge an item
 * @param archivePrefix     where the hours go in the archive bucket ({@code seals/} unless set)
 * @param reviewOverdueHours how long a REVIEW_REQUIRED decision may wait for its review before the
 *                          run logs it overdue; empty (unset) checks nothing, for a stack without a review band
 */
public record SealSettings(String auditTableName, String sealTableName, String sealSigningKeyArn,
                           String archiveBucket, String archivePrefix, OptionalInt reviewOverdueHours, AwsAccess aws) {

    /** A month: past that, a pending review is an abandoned process, which an alarm a month late would not mend. */
    static final int MAX_REVIEW_OVERDUE_HOURS = 720;

    public static SealSettings fromEnvironment(Map<String, String> env) {
        var reader = new Settings.Reader(env);
        String auditTable = reader.required("AUDIT_TABLE_NAME");
        String sealTable = reader.required("SEAL_TABLE_NAME");
        String sealKeyArn = reader.kmsKeyArn("SEAL_SIGNING_KEY_ARN");
        String archiveBucket = reader.required("SEAL_ARCHIVE_BUCKET");
        String archivePrefix = reader.optional("SEAL_ARCHIVE_PREFIX").orElse("seals/");
        var reviewOverdueHours = reader.wholeNumber("REVIEW_OVERDUE_HOURS", 1, MAX_REVIEW_OVERDUE_HOURS);
        var aws = reader.awsAccess();
        reader.failIfAnyProblem();
        return new SealSettings(auditTable, sealTable, sealKeyArn, archiveBucket, archivePrefix, reviewOverdueHours, aws);
    }
}
