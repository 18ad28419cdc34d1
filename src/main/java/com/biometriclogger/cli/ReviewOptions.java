package com.biometriclogger.cli;

import com.biometriclogger.decision.ReviewRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code review} command's arguments: without {@code --attempt} it lists the decisions awaiting
 * review; with it, it records one review.
 *
 * @param review empty to list the pending reviews
 */
record ReviewOptions(String table, List<String> kmsKeyIds, Optional<VerifyOptions.Archive> commitments,
                     Optional<Recording> review) {

    /** One review to record. */
    record Recording(String attemptId, ReviewRecord.Request request) {
    }

    static final String USAGE = """
            usage: target/bin/review --table AUDIT_TABLE --kms-key-id KEY_ARN
                     lists the decisions awaiting review (REVIEW_REQUIRED, none reviewed yet), oldest first
                   target/bin/review --table AUDIT_TABLE --kms-key-id KEY_ARN --attempt ID --outcome APPROVED|DENIED
                                     --reason TEXT [options]
                     records a review: a new signed item beside the decision, which stays as it was
              --kms-key-id KEY_ARN  the item-signing key: a review record is signed with it, as decisions are;
                                    repeat it for each key the ledger was signed with, as for verify (the first
                                    signs): a decision must verify under one of them to be reviewed
              --attempt ID          the attempt to review: its attempt id (64 hex digits), as the list shows it
              --outcome OUTCOME     APPROVED or DENIED
              --reason TEXT         why, recorded (never the subject's name: the record outlives an erasure)
              --contested           the subject contests an UNAUTHORIZED decision: review it, though it asked for none
              --reviewed-by WHO     who reviews, recorded (default: the local user; on AWS give your role's ARN)
              --commitments s3://BUCKET/PREFIX
                                    the decisions' write-once commitments, where the review record is
                                    committed once stored, so an overwrite of it is named at once
            exit status: 0 listed, or recorded; 1 refused (reviewed already: one review per attempt; or not a
            decision that may be reviewed); 2 the command could not run""";

    /** As the function writes an attempt id: the SHA-256 of the object version, in lowercase hex. */
    private static final Pattern ATTEMPT_ID = Pattern.compile("[0-9a-f]{64}");

    static ReviewOptions parse(String[] args, String localUser) {
        @Nullable String table = null;
        List<String> kmsKeyIds = new ArrayList<>();
        @Nullable String attempt = null;
        @Nullable String outcome = null;
        @Nullable String reason = null;
        String reviewedBy = localUser;
        boolean contested = false;
        Optional<VerifyOptions.Archive> commitments = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--table" -> table = VerifyOptions.value(args, ++i);
                case "--kms-key-id" -> kmsKeyIds.add(VerifyOptions.value(args, ++i));
                case "--attempt" -> attempt = VerifyOptions.value(args, ++i);
                case "--outcome" -> outcome = VerifyOptions.value(args, ++i);
                case "--reason" -> reason = VerifyOptions.value(args, ++i);
                case "--reviewed-by" -> reviewedBy = VerifyOptions.value(args, ++i);
                case "--contested" -> contested = true;
                case "--commitments" -> commitments = Optional.of(VerifyOptions.Archive.commitments(VerifyOptions.value(args, ++i)));
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
        }
        if (kmsKeyIds.isEmpty()) {
            throw new IllegalArgumentException("--kms-key-id is required");
        }
        if (attempt == null) {
            if (outcome != null || reason != null || contested) {
                throw new IllegalArgumentException("--outcome, --reason and --contested need --attempt");
            }
            return new ReviewOptions(EraseOptions.required("--table", table), List.copyOf(kmsKeyIds), commitments,
                    Optional.empty());
        }
        if (!ATTEMPT_ID.matcher(attempt).matches()) {
            throw new IllegalArgumentException("--attempt must be an attempt id, 64 lowercase hex digits, got '" + attempt + "'");
        }
        var request = new ReviewRecord.Request(outcome(EraseOptions.required("--outcome", outcome)), EraseOptions.required("--reason", reason),
                EraseOptions.required("--reviewed-by", reviewedBy), contested);
        return new ReviewOptions(EraseOptions.required("--table", table), List.copyOf(kmsKeyIds), commitments,
                Optional.of(new Recording(attempt, request)));
    }

    private static ReviewRecord.Outcome outcome(String written) {
        try {
            return ReviewRecord.Outcome.valueOf(written.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--outcome must be APPROVED or DENIED, got '" + written + "'", e);
        }
    }
}
