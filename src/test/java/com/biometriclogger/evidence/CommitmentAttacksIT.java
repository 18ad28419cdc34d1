package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.cli.EraseCommand;
import com.biometriclogger.decision.ErasureRecord;
import com.biometriclogger.decision.RetryableDecisionException;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.LocalEvidence;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The attacks on a decision before its hour is sealed, each with exactly its actor's rights, named
 * by verify from the commitment the function archived beside the item: a ledger with one sealed
 * decision (alice's) and one decided just now (bob's, not sealed). Without the commitments, each of
 * these goes unnamed (asserted too), so removing them fails the tests.
 */
@ExtendWith(LocalStackExtension.class)
class CommitmentAttacksIT {


    private Scenario scenario;
    private String sealed;
    private String fresh;

    @BeforeEach
    void oneSealedDecisionAndOneJustMade(Scenario scenario) {
        this.scenario = scenario;
        decide("uploads/alice/door.jpg", 7300, Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS),
                "one-clear-face.json");
        LocalEvidence.sealer(scenario.stack(), scenario.table(), Clock.systemUTC()).sealThrough(Instant.now());
        decide("uploads/bob/wall.jpg", 7301, Instant.now(), "no-face.json");
        sealed = idOf("uploads/alice/door.jpg");
        fresh = idOf("uploads/bob/wall.jpg");
        assertEquals(List.of(), verify(true), "the function's commitments match its items as verify reads them");
    }

    @Test
    void theFunctionRoleRewritesAnUnsealedDecisionAndReSignsIt() {
        var item = Scenario.asStrings(itemOf(fresh));
        assertEquals("UNAUTHORIZED", item.get("decision"));
        item.put("decision", "AUTHORIZED");
        item.put("reasons", "");
        var rewritten = new Insider(scenario).itemKeyHolder().sign(item);
        new Insider(scenario).putItem(rewritten);
        // The role's one S3 write, create-only, cannot replace the commitment with the rewritten item's.
        var refused = assertThrows(S3Exception.class, () -> scenario.stack().s3().putObject(b -> b
                        .bucket(LocalStack.SEAL_ARCHIVE_BUCKET).ifNoneMatch("*")
                        .key(LocalStack.commitmentPrefix(scenario.table()) + Commitment.of(rewritten).relativeKey()),
                RequestBody.fromBytes(Commitment.of(rewritten).content())));
        assertEquals(412, refused.statusCode());

        assertEquals(List.of("CHANGED_AFTER_COMMITMENT " + fresh), verify(true));
        assertEquals(List.of(), verify(false), "the seal alone cannot name it yet");
        var unchecked = new LedgerCommands(scenario).verifyWithoutCommitments();
        assertEquals(3, unchecked.status(), "nothing found, but not INTACT either: " + unchecked.out());
        assertTrue(unchecked.out().contains("\n  commitments            not checked\n"), unchecked.out());
        assertTrue(unchecked.out().endsWith("\nRESULT: NOT VERIFIED AGAINST THE COMMITMENTS (give --commitments "
                + "s3://BUCKET/PREFIX, as in the stack's VerifyEvidenceCommand output)\n"), unchecked.out());
        var json = new LedgerCommands(scenario).verifyWithoutCommitments("--json").report();
        assertFalse(json.get("intact").asBoolean(), json.toString());
        assertTrue(json.get("commitments").isNull(), json.toString());
    }

    @Test
    void aTableWriterDeletesAnUnsealedDecision() {
        new Insider(scenario).deleteItem(fresh);

        assertEquals(List.of("DELETED_AFTER_COMMITMENT " + fresh), verify(true));
        assertEquals(List.of(), verify(false), "the seal alone cannot name it yet");
    }

    @Test
    void aRestoreThatUndoesAFreshErasureIsNamedByTheErasureRecordsCommitment() {
        var before = Scenario.asStrings(itemOf(sealed));
        assertEquals(0, erase("alice"));
        String record = ErasureRecord.idFor(sealed);
        assertEquals(List.of(), verify(true), "a lawful erasure is accounted for");

        // What a point-in-time restore to a minute before the erasure leaves (break-glass or admin rights).
        new Insider(scenario).putItem(before);
        new Insider(scenario).deleteItem(record);

        assertEquals(List.of("DELETED_AFTER_COMMITMENT " + record), verify(true));
        assertEquals(List.of(), verify(false), "the erasure record's hour is not sealed yet");
    }

    @Test
    void anItemStoredWhoseCommitmentFailedIsCommittedByTheRetry() {
        byte[] image = TestImages.jpeg(7302);
        scenario.faces().respond(image, "one-clear-face.json");
        var event = S3Events.event(scenario.upload("uploads/bob/retried.jpg", image));
        var noArchive = scenario.handler(Map.of("COMMITMENT_ARCHIVE_BUCKET", "no-such-archive-bucket"));

        assertThrows(RetryableDecisionException.class, () -> Scenario.invoke(noArchive, event));
        String retried = idOf("uploads/bob/retried.jpg");
        assertEquals(List.of("NOT_COMMITTED " + retried), verify(true), "stored, then the commitment failed");

        Scenario.invoke(scenario.handler(), event);

        assertEquals(List.of(), verify(true), "Lambda's retry found the item and committed it as stored");
    }

    private void decide(String key, long seed, Instant at, String faces) {
        byte[] image = TestImages.jpeg(seed);
        scenario.faces().respond(image, faces);
        Scenario.invoke(scenario.handlerAt(at), S3Events.event(scenario.upload(key, image)));
    }

    private String idOf(String objectKey) {
        return scenario.auditItems().stream().filter(item -> item.containsKey("objectKey")
                && item.get("objectKey").s().equals(objectKey)).findFirst().orElseThrow().get("attemptId").s();
    }

    private Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> itemOf(String id) {
        return scenario.auditItems().stream().filter(item -> item.get("attemptId").s().equals(id)).findFirst().orElseThrow();
    }

    private int erase(String subject) {
        var out = new ByteArrayOutputStream();
        return EraseCommand.run(LocalEvidence.eraseArguments(scenario.table(), scenario.bucket(), subject, "REQ-7")
                        .toArray(String[]::new), scenario.environment(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    /** Each finding of verify's JSON report as "PROBLEM subject", with or without the commitments. */
    private List<String> verify(boolean withCommitments) {
        var commands = new LedgerCommands(scenario);
        return (withCommitments ? commands.verify("--json") : commands.verifyWithoutCommitments("--json")).findings();
    }
}
