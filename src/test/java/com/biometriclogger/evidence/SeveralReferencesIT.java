package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.biometriclogger.handler.DecisionHandler;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.LocalEvidence;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A subject with several references ({@code references/alice.jpg} and {@code references/alice/<name>.jpg}),
 * through the real handler on the local stack; CompareFaces answers are recorded per reference and upload.
 */
@ExtendWith(LocalStackExtension.class)
class SeveralReferencesIT {

    private Scenario scenario;
    private DecisionHandler handler;
    private byte[] old;
    private byte[] glasses;

    @BeforeEach
    void aliceEnrolledWithTwoReferencesTwoHoursAgo(Scenario scenario) {
        this.scenario = scenario;
        handler = scenario.handlerAt(Instant.now().minus(Duration.ofHours(2)), Map.of("VERIFICATION_MODE", "MATCH"));
        old = clearFace(6001);
        glasses = clearFace(6002);
        enrol("references/alice.jpg", old);
        enrol("references/alice/glasses.jpg", glasses);
    }

    private byte[] clearFace(long seed) {
        byte[] image = TestImages.jpeg(seed);
        scenario.faces().respond(image, "one-clear-face.json");
        return image;
    }

    private S3EventNotificationRecord enrol(String key, byte[] reference) {
        var record = scenario.upload(key, reference);
        Scenario.invoke(handler, S3Events.event(record));
        return record;
    }

    private Map<String, String> decide(String key, byte[] image) {
        Scenario.invoke(handler, S3Events.event(scenario.upload(key, image)));
        return item(key);
    }

    private Map<String, String> item(String key) {
        return scenario.auditItems().stream().filter(i -> i.get("objectKey").s().equals(key)).map(Scenario::asStrings)
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no item for " + key));
    }

    /** An upload that matches only {@code matching}, and none of {@code others}. */
    private byte[] selfieMatching(long seed, byte[] matching, byte[]... others) {
        byte[] selfie = clearFace(seed);
        scenario.faces().respondToComparison(matching, selfie, "compare-match.json");
        for (byte[] other : others) {
            scenario.faces().respondToComparison(other, selfie, "compare-no-match.json");
        }
        return selfie;
    }

    @Test
    void anUploadMatchingTheSecondReferenceIsAuthorizedAndRecordsWhichOneVerifyReDerivesIt() {
        var item = decide("uploads/alice/door.jpg", selfieMatching(6101, glasses, old));

        assertEquals("AUTHORIZED", item.get("decision"));
        assertEquals("references/alice/glasses.jpg", item.get("referenceKey"));
        assertEquals(item("references/alice/glasses.jpg").get("versionId"), item.get("referenceVersionId"));
        assertEquals(item("references/alice/glasses.jpg").get("sha256"), item.get("referenceSha256"));
        assertEquals("99.13", item.get("similarity"));

        var verified = new LedgerCommands(scenario).verify("--rederive", "--json");
        assertEquals(0, verified.status(), verified.out() + verified.err());
        assertEquals(List.of(), verified.findings());
    }

    @Test
    void noReferenceMatchingIsUnauthorizedWithTheBestSimilarity() {
        byte[] selfie = clearFace(6201);
        scenario.faces().respondToComparison(old, selfie, "compare-no-match.json");
        scenario.faces().respondToComparison(glasses, selfie, "compare-just-below-threshold.json");

        var item = decide("uploads/alice/door.jpg", selfie);

        assertEquals("UNAUTHORIZED", item.get("decision"));
        assertEquals("NO_MATCH", item.get("reasons"));
        assertEquals("references/alice/glasses.jpg", item.get("referenceKey"));
        assertEquals("94.99", item.get("similarity"));
    }

    @Test
    void aReferenceBeyondTheLimitIsRefusedAndNeverCompared() {
        byte[] beard = clearFace(6301);
        byte[] hat = clearFace(6302);
        enrol("references/alice/beard.jpg", beard);

        enrol("references/alice/hat.jpg", hat);

        assertEquals("ENROLLED", item("references/alice/beard.jpg").get("decision"));
        var refused = item("references/alice/hat.jpg");
        assertEquals("REJECTED", refused.get("decision"));
        assertEquals("TOO_MANY_REFERENCES", refused.get("reasons"));
        assertEquals("alice", refused.get("subjectId"));
        var item = decide("uploads/alice/door.jpg", selfieMatching(6303, hat, old, glasses, beard));
        assertEquals("UNAUTHORIZED", item.get("decision"), "the refused reference must not authorize anyone");
    }

    @Test
    void removingOneReferenceLeavesTheOthers() {
        scenario.stack().s3().deleteObject(b -> b.bucket(scenario.bucket()).key("references/alice.jpg"));

        var item = decide("uploads/alice/door.jpg", selfieMatching(6401, glasses, old));

        assertEquals("AUTHORIZED", item.get("decision"));
        assertEquals("references/alice/glasses.jpg", item.get("referenceKey"));
    }

    @Test
    void eraseRemovesEveryReferenceOfTheSubjectAndEachVersion() {
        scenario.upload("references/alice/glasses.jpg", clearFace(6501));
        scenario.upload("references/alice.bob/glasses.jpg", clearFace(6502));
        LocalEvidence.sealer(scenario.stack(), scenario.table(), Clock.systemUTC()).sealThrough(Instant.now());

        var run = new LedgerCommands(scenario).erase("alice", "REQ-2026-0077");

        assertEquals(0, run.status(), run.out() + run.err());
        var left = scenario.stack().s3().listObjectVersionsPaginator(b -> b.bucket(scenario.bucket())).versions().stream()
                .map(version -> version.key()).distinct().toList();
        // Keys, not versions: a PUT the client retried under load can leave the bystander two versions.
        assertEquals(List.of("references/alice.bob/glasses.jpg"), left, "every version of alice's references goes, another subject's stays");
        assertTrue(scenario.auditItems().stream().noneMatch(i -> i.containsKey("objectKey")
                && i.get("objectKey").s().startsWith("references/alice")), "the enrolment items go too");
    }
}
