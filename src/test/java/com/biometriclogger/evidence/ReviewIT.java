package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.aws.AwsClients;
import com.biometriclogger.aws.DynamoDbReviewLedger;
import com.biometriclogger.aws.KmsEvidenceSigner;
import com.biometriclogger.aws.S3CommitmentArchive;
import com.biometriclogger.config.Settings;
import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.AuditItem;
import com.biometriclogger.decision.ReviewRecord;
import com.biometriclogger.handler.DecisionHandler;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.LocalEvidence;
import com.biometriclogger.local.stack.LocalKeyFileSigner;
import com.biometriclogger.local.stack.LocalKms;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.Scenario;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The review band and the review command on the local stack: a near match decided two hours ago by
 * the real handler with a review band is REVIEW_REQUIRED; the review command, as a reviewer runs it,
 * lists it and records one review, which verify checks and counts; and what a reviewer could do with
 * exactly its rights (sign with the item key, put review-* items) beyond that is named by verify.
 */
@ExtendWith(LocalStackExtension.class)
class ReviewIT {

    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    @TempDir
    Path dir;

    private Scenario scenario;
    private LedgerCommands commands;
    private Insider reviewer;
    private String nearId;
    private String authorizedId;

    @BeforeEach
    void aNearMatchAndAMatchDecidedTwoHoursAgoWithAReviewBand(Scenario scenario) {
        this.scenario = scenario;
        commands = new LedgerCommands(scenario);
        reviewer = new Insider(scenario);
        String subject = "reviewee" + SUBJECTS.incrementAndGet() + scenario.table();
        var handler = scenario.handlerAt(Instant.now().minus(Duration.ofHours(2)),
                Map.of("VERIFICATION_MODE", "MATCH", "MIN_SIMILARITY", "95", "REVIEW_SIMILARITY", "90"));
        scenario.decideMatching(handler, "references/" + subject + ".jpg", 6001);
        nearId = decideNearMatch(handler, "uploads/" + subject + "/near.jpg", 6002);
        scenario.decideMatching(handler, "uploads/" + subject + "/match.jpg", 6003);
        authorizedId = idOf("uploads/" + subject + "/match.jpg");
        // The decisions' hour is sealed; the last hour is left open for a review dated in it.
        LocalEvidence.sealer(scenario.stack(), scenario.table(), Clock.systemUTC()).sealThrough(Instant.now().minus(Duration.ofHours(1)));
    }

    @Test
    void aNearMatchIsReviewRequiredAndItsReviewIsRecordedBesideItAndCounted() {
        var decided = item(nearId);
        assertEquals("REVIEW_REQUIRED", decided.get("decision"));
        assertEquals("NEAR_MATCH", decided.get("reasons"));
        assertEquals("94.99", decided.get("similarity"));
        assertEquals("90", decided.get("reviewThreshold"));
        var listed = commands.review();
        assertEquals(0, listed.status(), listed.err());
        assertTrue(listed.out().contains("awaiting review: 1 decision, oldest first"), listed.out());
        assertTrue(listed.out().contains(nearId + "  decided "), listed.out());

        var recorded = commands.review("--attempt", nearId, "--outcome", "APPROVED", "--reason", "same person, new glasses",
                "--reviewed-by", "arn:aws:iam::123456789012:role/reviewer");

        assertEquals(0, recorded.status(), recorded.err());
        assertEquals(decided, item(nearId), "the decision itself is never changed");
        var record = item(ReviewRecord.idFor(nearId));
        assertEquals("APPROVED", record.get("reviewOutcome"));
        assertEquals("REVIEW_REQUIRED", record.get("reviewGround"));
        assertEquals("arn:aws:iam::123456789012:role/reviewer", record.get("reviewedBy"));
        assertTrue(commands.review().out().contains("awaiting review: 0 decisions"));
        var verified = commands.verify("--rederive", "--json");
        assertEquals(0, verified.status(), verified.out());
        assertEquals(1, verified.report().get("reviewed").asInt());
        assertEquals(0, verified.report().get("awaitingReview").asInt());
    }

    @Test
    void aSecondReviewOfTheSameAttemptIsRefusedAndTheFirstStands() {
        assertEquals(0, commands.review("--attempt", nearId, "--outcome", "DENIED", "--reason", "another person").status());
        var first = item(ReviewRecord.idFor(nearId));

        var again = commands.review("--attempt", nearId, "--outcome", "APPROVED", "--reason", "changed my mind");

        assertEquals(1, again.status());
        assertTrue(again.err().contains("was reviewed already (DENIED (REVIEW_REQUIRED) by "), again.err());
        assertEquals(first, item(ReviewRecord.idFor(nearId)));
    }

    @Test
    void anAuthorizedDecisionIsNotReviewedEvenIfContested() {
        var review = commands.review("--attempt", authorizedId, "--outcome", "DENIED", "--reason", "looks wrong", "--contested");

        assertEquals(1, review.status());
        assertTrue(review.err().contains(authorizedId + " is AUTHORIZED: only a REVIEW_REQUIRED decision is reviewed"), review.err());
        assertTrue(scenario.stack().dynamoDb().getItem(b -> b.tableName(scenario.table()).key(Map.of("attemptId",
                AttributeValue.fromS(ReviewRecord.idFor(authorizedId))))).item().isEmpty());
    }

    /** The reviewer role may sign with the item key and put review-* items: a review it forges around the command is named. */
    @Test
    void aReviewForgedWithTheReviewersRightsIsNamedByVerify() {
        var authorized = AuditItem.of(item(authorizedId));
        var forged = ReviewRecord.of(authorized, CanonicalForm.digest(authorized.attributes()), ReviewRecord.Ground.CONTESTED,
                new ReviewRecord.Request(ReviewRecord.Outcome.DENIED, "forged", "reviewer", true), Instant.now());
        reviewer.putItem(reviewer.itemKeyHolder().signItem(forged).attributes());
        var near = AuditItem.of(item(nearId));
        var unsigned = ReviewRecord.of(near, CanonicalForm.digest(near.attributes()), ReviewRecord.Ground.REVIEW_REQUIRED,
                new ReviewRecord.Request(ReviewRecord.Outcome.APPROVED, "forged", "reviewer", false), Instant.now());
        reviewer.putItem(new EvidenceSigning(LocalKeyFileSigner.createIfMissing(dir.resolve("other.pem"))
                        .as("arn:aws:kms:eu-west-1:123456789012:key/00000000-0000-0000-0000-000000000000"))
                .signItem(unsigned).attributes());

        var verified = commands.verify("--json");

        assertEquals(1, verified.status(), verified.out());
        assertEquals(Set.of("NOT_COMMITTED " + ReviewRecord.idFor(authorizedId), "NOT_COMMITTED " + ReviewRecord.idFor(nearId),
                "REVIEW_OF_UNREVIEWABLE " + ReviewRecord.idFor(authorizedId), "UNTRUSTED_KEY " + ReviewRecord.idFor(nearId)),
                Set.copyOf(verified.findings()), "put around the command, neither is committed either");
        assertEquals(0, verified.report().get("reviewed").asInt());
        assertEquals(1, verified.report().get("awaitingReview").asInt());
    }

    /**
     * IAM cannot require the command's attribute_not_exists: a review the reviewer puts over its own
     * before the hour is sealed, re-signed, is named by the commitment review archived when it stored the
     * first, which the reviewer's create-only write cannot replace.
     */
    @Test
    void aReviewOverwrittenByTheReviewerBeforeItsHourIsSealedIsNamedFromItsCommitment() {
        assertEquals(0, commands.review("--attempt", nearId, "--outcome", "DENIED", "--reason", "another person").status());
        var rewritten = AuditItem.of(item(ReviewRecord.idFor(nearId))).with(AuditAttribute.REVIEW_OUTCOME, "APPROVED");
        var signed = reviewer.itemKeyHolder().signItem(rewritten);

        reviewer.putItem(signed.attributes());
        var refused = assertThrows(S3Exception.class, () -> scenario.stack().s3().putObject(b -> b
                        .bucket(LocalStack.SEAL_ARCHIVE_BUCKET).ifNoneMatch("*")
                        .key(LocalStack.commitmentPrefix(scenario.table()) + Commitment.of(signed.attributes()).relativeKey()),
                RequestBody.fromBytes(Commitment.of(signed.attributes()).content())));
        var verified = commands.verify("--json");

        assertEquals(412, refused.statusCode(), "the commitment is create-only");
        assertEquals(1, verified.status(), verified.out());
        assertEquals(List.of("CHANGED_AFTER_COMMITMENT " + ReviewRecord.idFor(nearId)), verified.findings());
    }

    /** IAM cannot require the command's attribute_not_exists: a review overwritten once sealed is named. */
    @Test
    void aSealedReviewOverwrittenByTheReviewerIsNamed() {
        var review = new Review(new DynamoDbReviewLedger(scenario.stack().dynamoDb(), scenario.table()),
                new SignatureCheck(List.of(KmsEvidenceSigner.publicKey(new AwsClients(Settings.awsAccess(
                        scenario.environment())).kms(), LocalKms.KEY_ARN))), reviewer.itemKeyHolder(),
                new S3CommitmentArchive(scenario.stack().s3(), LocalStack.SEAL_ARCHIVE_BUCKET,
                        LocalStack.commitmentPrefix(scenario.table())),
                Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC));
        var request = new ReviewRecord.Request(ReviewRecord.Outcome.DENIED, "another person", "reviewer", false);
        assertTrue(review.record(nearId, request) instanceof Review.Result.Recorded);
        LocalEvidence.sealer(scenario.stack(), scenario.table(), Clock.systemUTC()).sealThrough(Instant.now());
        var rewritten = AuditItem.of(item(ReviewRecord.idFor(nearId))).with(AuditAttribute.REVIEW_OUTCOME, "APPROVED");

        reviewer.putItem(reviewer.itemKeyHolder().signItem(rewritten).attributes());
        var verified = commands.verify("--json");

        assertEquals(1, verified.status(), verified.out());
        assertEquals(List.of("CHANGED_AFTER_COMMITMENT " + ReviewRecord.idFor(nearId), "CHANGED_AFTER_SEALING "
                + ReviewRecord.idFor(nearId)), verified.findings().stream().sorted().toList());
        assertEquals(1, verified.report().get("reviewed").asInt(), "its signature holds: it is counted, and named as changed");
    }

    private String decideNearMatch(DecisionHandler handler, String key, long seed) {
        byte[] image = TestImages.jpeg(seed);
        scenario.faces().respond(image, "one-clear-face.json");
        scenario.faces().respondToComparison(image, "compare-just-below-threshold.json");
        Scenario.invoke(handler, S3Events.event(scenario.upload(key, image)));
        return idOf(key);
    }

    private String idOf(String key) {
        return scenario.auditItems().stream().filter(item -> item.get("objectKey").s().equals(key))
                .map(item -> item.get("attemptId").s()).findFirst().orElseThrow();
    }

    private Map<String, String> item(String attemptId) {
        return scenario.auditItems().stream().filter(item -> item.get("attemptId").s().equals(attemptId))
                .map(Scenario::asStrings).findFirst().orElseThrow();
    }
}
