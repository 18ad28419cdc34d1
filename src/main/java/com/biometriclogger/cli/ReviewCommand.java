package com.biometriclogger.cli;

import static com.biometriclogger.decision.AuditAttribute.*;

import com.biometriclogger.aws.AwsClients;
import com.biometriclogger.aws.DynamoDbReviewLedger;
import com.biometriclogger.aws.KmsEvidenceSigner;
import com.biometriclogger.config.ConfigurationException;
import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.AuditItem;
import com.biometriclogger.evidence.Commitment;
import com.biometriclogger.evidence.EvidenceSigning;
import com.biometriclogger.evidence.Review;
import com.biometriclogger.evidence.SignatureCheck;
import com.biometriclogger.logging.JsonLoggingConfigurator;
import com.biometriclogger.util.Plural;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * {@code review}: lists the decisions awaiting a person's review, and records a review as a signed
 * record beside the decision, which {@code verify} then checks and counts. Runs with the same
 * environment as {@code verify}.
 */
public final class ReviewCommand {

    private ReviewCommand() {
    }

    public static void main(String[] args) {
        System.setProperty(JsonLoggingConfigurator.LOG_TO_STDERR, "true");
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** @return the exit status: 0 listed or recorded, 1 refused, 2 could not run */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(ReviewOptions.USAGE);
            return 0;
        }
        ReviewOptions options;
        try {
            options = ReviewOptions.parse(args, System.getProperty("user.name"));
        } catch (IllegalArgumentException e) {
            err.println("review: " + e.getMessage());
            err.println(ReviewOptions.USAGE);
            return 2;
        }
        try {
            var clients = new AwsClients(CliAccess.fromEnvironment(env));
            var keys = options.kmsKeyIds().stream().map(id -> KmsEvidenceSigner.publicKey(clients.kms(), id)).toList();
            String keyArn = keys.get(0).keyId().orElseThrow();
            var review = new Review(new DynamoDbReviewLedger(clients.dynamoDb(), options.table()), new SignatureCheck(keys),
                    new EvidenceSigning(new KmsEvidenceSigner(clients.kms(), keyArn)), commitments(options, clients, err),
                    Clock.systemUTC());
            if (options.review().isEmpty()) {
                list(review.pending(), out);
                return 0;
            }
            var recording = options.review().get();
            var result = review.record(recording.attemptId(), recording.request());
            if (result instanceof Review.Result.Recorded recorded) {
                out.println("recorded " + recorded.record().attemptId() + ": " + describe(recorded.record()));
                return 0;
            }
            if (result instanceof Review.Result.AlreadyReviewed earlier) {
                err.println("review: refused, nothing written: " + recording.attemptId() + " was reviewed already ("
                        + describe(earlier.earlier()) + "): one review per attempt");
            } else if (result instanceof Review.Result.Refused refused) {
                err.println("review: refused, nothing written: " + ReportFormat.printable(refused.why()));
            }
            return 1;
        } catch (ConfigurationException | IllegalArgumentException | IllegalStateException e) {
            err.println("review: " + e.getMessage());
        } catch (ResourceNotFoundException e) {
            err.println("review: no such table (" + options.table() + "): " + e.awsErrorDetails().errorMessage());
        } catch (SdkException e) {
            err.println("review: stopped (" + e.getMessage() + "): nothing was half-written; run the same command again");
        }
        return 2;
    }

    /** Listing writes nothing, so it needs no commitments and warns of none. */
    private static Commitment.Archive commitments(ReviewOptions options, AwsClients clients, PrintStream err) {
        if (options.review().isEmpty()) {
            return commitment -> { };
        }
        return RecordCommitments.to(options.commitments(), clients, err, "review", "the review record is not committed, "
                + "so verify names it NOT_COMMITTED, and cannot tell an overwrite of it, until its hour is sealed");
    }

    /** Each pending decision with its figures and where its two images are, oldest first. */
    private static void list(List<AuditItem> pending, PrintStream out) {
        out.println("awaiting review: " + Plural.of(pending.size(), "decision") + (pending.isEmpty() ? "" : ", oldest first"));
        for (var item : pending) {
            out.println("  " + item.attemptId() + "  decided " + value(item, DECIDED_AT) + "  subject " + value(item, SUBJECT_ID)
                    + "  similarity " + value(item, SIMILARITY) + " (review band " + value(item, REVIEW_THRESHOLD)
                    + " to " + value(item, SIMILARITY_THRESHOLD) + ")");
            out.println("    upload     s3://" + value(item, BUCKET) + "/" + value(item, OBJECT_KEY) + "  version "
                    + value(item, VERSION_ID) + "  sha256 " + value(item, SHA256));
            out.println("    reference  s3://" + value(item, BUCKET) + "/" + value(item, REFERENCE_KEY) + "  version "
                    + value(item, REFERENCE_VERSION_ID) + "  sha256 " + value(item, REFERENCE_SHA256));
        }
    }

    private static String describe(AuditItem record) {
        return value(record, REVIEW_OUTCOME) + " (" + value(record, REVIEW_GROUND) + ") by " + value(record, REVIEWED_BY)
                + " at " + value(record, DECIDED_AT) + ": " + value(record, REVIEW_REASON);
    }

    /** Whatever a writer stored, shown without control characters. */
    private static String value(AuditItem item, AuditAttribute attribute) {
        return ReportFormat.printable(item.get(attribute).orElse(""));
    }
}
