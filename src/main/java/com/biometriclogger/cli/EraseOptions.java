package com.biometriclogger.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The {@code erase} command's arguments. */
record EraseOptions(String table, String sealTable, String bucket, String uploadPrefix, String referencePrefix,
                    String subject, String legalBasis, String request, String erasedBy, List<String> kmsKeyIds,
                    Optional<VerifyOptions.Archive> commitments, boolean dryRun) {

    static final String USAGE = """
            usage: target/bin/erase --table AUDIT_TABLE --bucket UPLOAD_BUCKET --kms-key-id KEY_ARN
                                    --subject SUBJECT_ID --legal-basis TEXT --request REFERENCE [options]
              --kms-key-id KEY_ARN  the item-signing key: each erasure record is signed with it, as decisions
                                    are; repeat it for each key the ledger was signed with, as for verify (the
                                    first signs): an item must verify under one of them to be erased
              --legal-basis TEXT    why the law requires or allows the erasure (e.g. "GDPR art. 17(1)(b)"),
                                    recorded
              --request REFERENCE   your reference for the request (a ticket number, never the requester's
                                    name), recorded; a rerun with it finishes an erasure that stopped
              --erased-by WHO       who erases, recorded (default: the local user; on AWS give your role's ARN)
              --seal-table NAME     the seal table (default: AUDIT_TABLE-seals)
              --upload-prefix P     where uploads live, P<subject>/... (default: uploads/)
              --reference-prefix P  where references live, P<subject>.jpg|.png and P<subject>/...
                                    (default: references/)
              --commitments s3://BUCKET/PREFIX
                                    the decisions' write-once commitments, where each erasure record is
                                    committed before any item goes, so a restore that undoes the erasure
                                    is named at once
              --dry-run             print what would be erased and change nothing
            exit status: 0 erased (or, with --dry-run, nothing in the way), 1 refused (items of an hour not
            sealed yet: rerun after its seal; or items that do not verify, left for an investigation), 2 the
            erasure could not run (a rerun finishes what was begun)""";

    static EraseOptions parse(String[] args, String localUser) {
        @Nullable String table = null;
        @Nullable String sealTable = null;
        @Nullable String bucket = null;
        String uploadPrefix = "uploads/";
        String referencePrefix = "references/";
        @Nullable String subject = null;
        @Nullable String legalBasis = null;
        @Nullable String request = null;
        String erasedBy = localUser;
        List<String> kmsKeyIds = new ArrayList<>();
        Optional<VerifyOptions.Archive> commitments = Optional.empty();
        boolean dryRun = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--table" -> table = VerifyOptions.value(args, ++i);
                case "--seal-table" -> sealTable = VerifyOptions.value(args, ++i);
                case "--bucket" -> bucket = VerifyOptions.value(args, ++i);
                case "--upload-prefix" -> uploadPrefix = VerifyOptions.value(args, ++i);
                case "--reference-prefix" -> referencePrefix = VerifyOptions.value(args, ++i);
                case "--subject" -> subject = VerifyOptions.value(args, ++i);
                case "--legal-basis" -> legalBasis = VerifyOptions.value(args, ++i);
                case "--request" -> request = VerifyOptions.value(args, ++i);
                case "--erased-by" -> erasedBy = VerifyOptions.value(args, ++i);
                case "--kms-key-id" -> kmsKeyIds.add(VerifyOptions.value(args, ++i));
                case "--commitments" -> commitments = Optional.of(VerifyOptions.Archive.commitments(VerifyOptions.value(args, ++i)));
                case "--dry-run" -> dryRun = true;
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
        }
        String requiredTable = required("--table", table);
        return new EraseOptions(requiredTable, sealTable == null ? requiredTable + "-seals" : sealTable,
                required("--bucket", bucket), uploadPrefix, referencePrefix, required("--subject", subject),
                required("--legal-basis", legalBasis), required("--request", request), required("--erased-by", erasedBy),
                required("--kms-key-id", kmsKeyIds), commitments, dryRun);
    }

    private static List<String> required(String option, List<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException(option + " is required");
        }
        return List.copyOf(values);
    }

    static String required(String option, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " is required");
        }
        return value;
    }
}
