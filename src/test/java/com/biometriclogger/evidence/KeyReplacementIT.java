package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.cli.VerifyCommand;
import com.biometriclogger.handler.DecisionHandler;
import com.biometriclogger.handler.Wiring;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.LocalEvidence;
import com.biometriclogger.local.stack.LocalKms;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/threat-model.md's key replacement on the local stack: the function signs with key 1, then, its
 * SIGNING_KEY_ARN changed, with key 2; verify and the bundle checker trust both, and with one key
 * name the other's items UNTRUSTED_KEY.
 */
@ExtendWith(LocalStackExtension.class)
class KeyReplacementIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Scenario scenario;
    private List<String> firstKeyItems;
    private List<String> secondKeyItems;

    @BeforeEach
    void itemsSignedByKeyOneThenByKeyTwo(Scenario scenario) {
        this.scenario = scenario;
        var at = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        var before = DecisionHandler.fromEnvironment(scenario.environment(), Wiring.Seams.NONE.withClock(at));
        var env = new HashMap<>(scenario.environment());
        env.put("SIGNING_KEY_ARN", LocalKms.REPLACEMENT_KEY_ARN);
        var after = DecisionHandler.fromEnvironment(env, Wiring.Seams.NONE.withClock(at));
        firstKeyItems = List.of(decide(before, "uploads/before-1.jpg", 5001), decide(before, "uploads/before-2.jpg", 5002));
        secondKeyItems = List.of(decide(after, "uploads/after-1.jpg", 5003), decide(after, "uploads/after-2.jpg", 5004));
        LocalEvidence.sealer(scenario.stack(), scenario.table(), Clock.systemUTC()).sealThrough(Instant.now());
    }

    @Test
    void withBothKeysVerifyIsCleanWithOneTheOthersItemsAreUntrusted() throws Exception {
        var both = verify(LocalEvidence.verifyArguments(scenario.table(), "--json", "--kms-key-id", LocalKms.REPLACEMENT_KEY_ARN));
        var firstOnly = verify(LocalEvidence.verifyArguments(scenario.table(), "--json"));
        var secondOnly = verify(onlyKey(LocalKms.REPLACEMENT_KEY_ARN));

        assertEquals(0, both.status(), both.out());
        assertEquals(4, JSON.readTree(both.out()).get("signaturesValid").asInt());
        assertEquals(List.of(LocalKms.KEY_ARN, LocalKms.REPLACEMENT_KEY_ARN),
                texts(JSON.readTree(both.out()).get("trustedKeys")));
        assertEquals(1, firstOnly.status());
        assertEquals(secondKeyItems.stream().sorted().map(id -> "UNTRUSTED_KEY " + id).toList(), findings(firstOnly));
        assertEquals(firstKeyItems.stream().sorted().map(id -> "UNTRUSTED_KEY " + id).toList(), findings(secondOnly));
    }

    @Test
    void theBundleCarriesEveryTrustedKeyAndItsCheckerTrustsOnlyThose() throws Exception {
        Path both = dir.resolve("both");
        Path first = dir.resolve("first");
        verify(LocalEvidence.verifyArguments(scenario.table(), "--export", both.toString(), "--kms-key-id",
                LocalKms.REPLACEMENT_KEY_ARN));
        verify(LocalEvidence.verifyArguments(scenario.table(), "--export", first.toString()));

        var withBoth = checkBundle(both);
        var withFirst = checkBundle(first);

        assertEquals(0, withBoth.status(), withBoth.out());
        assertTrue(withBoth.out().contains("item key " + LocalKms.REPLACEMENT_KEY_ARN + "\n  public key sha256:"), withBoth.out());
        assertEquals(1, withFirst.status(), withFirst.out());
        for (String id : secondKeyItems) {
            assertTrue(withFirst.out().contains("UNTRUSTED_KEY            " + id), withFirst.out());
        }
    }

    @Test
    void aReferenceEnrolledUnderTheOldKeyIsReEnrolledByCopyingItOntoItself() {
        var env = new HashMap<>(scenario.environment());
        env.put("VERIFICATION_MODE", "MATCH");
        var before = DecisionHandler.fromEnvironment(env);
        env.put("SIGNING_KEY_ARN", LocalKms.REPLACEMENT_KEY_ARN);
        var after = DecisionHandler.fromEnvironment(env);
        String subject = "rekeyed-" + scenario.table();
        String reference = "references/" + subject + ".jpg";
        byte[] face = TestImages.jpeg(5101);
        scenario.faces().respond(face, "one-clear-face.json");
        scenario.faces().respondToComparison(face, "compare-match.json");
        Scenario.invoke(before, S3Events.event(scenario.upload(reference, face)));

        assertEquals("REJECTED REFERENCE_UNUSABLE", judged(after, "uploads/" + subject + "/1.jpg", face));
        var copy = scenario.stack().s3().copyObject(b -> b.sourceBucket(scenario.bucket()).sourceKey(reference)
                .destinationBucket(scenario.bucket()).destinationKey(reference).metadataDirective("REPLACE"));
        Scenario.invoke(after, S3Events.event(S3Events.objectCreated(LocalStack.REGION, scenario.bucket(), reference,
                face.length, copy.copyObjectResult().eTag(), copy.versionId(), 0x0055AED6DCE00001L)));

        assertEquals("AUTHORIZED ", judged(after, "uploads/" + subject + "/2.jpg", face));
    }

    private String judged(DecisionHandler handler, String key, byte[] image) {
        Scenario.invoke(handler, S3Events.event(scenario.upload(key, image)));
        var item = scenario.auditItems().stream().filter(i -> i.get("objectKey").s().equals(key)).findFirst().orElseThrow();
        return item.get("decision").s() + " " + item.get("reasons").s();
    }

    private String decide(DecisionHandler handler, String key, long seed) {
        byte[] image = TestImages.jpeg(seed);
        scenario.faces().respond(image, "one-clear-face.json");
        Scenario.invoke(handler, S3Events.event(scenario.upload(key, image)));
        return scenario.auditItems().stream().filter(item -> item.get("objectKey").s().equals(key))
                .map(item -> item.get("attemptId").s()).findFirst().orElseThrow();
    }

    private List<String> onlyKey(String keyArn) {
        return List.of("--table", scenario.table(), "--kms-key-id", keyArn, "--seal-kms-key-id", LocalKms.SEAL_KEY_ARN,
                "--seal-archive", "s3://" + LocalStack.SEAL_ARCHIVE_BUCKET + "/" + LocalStack.sealArchivePrefix(scenario.table()),
                "--no-progress", "--json");
    }

    private record Run(int status, String out) {
    }

    private Run verify(List<String> args) {
        var out = new ByteArrayOutputStream();
        var sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        int status = VerifyCommand.run(args.toArray(String[]::new), scenario.environment(),
                new PrintStream(out, true, StandardCharsets.UTF_8), sink);
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }

    private static Run checkBundle(Path bundle) throws Exception {
        var checked = BundleChecker.trustingExportedKeys(bundle);
        return new Run(checked.status(), checked.out());
    }

    /** In id order: verify reports items in the order the table's scan returns them. */
    private static List<String> findings(Run run) throws Exception {
        List<String> findings = new ArrayList<>();
        JSON.readTree(run.out()).get("findings").forEach(f -> findings.add(f.get("problem").asText() + " "
                + f.get("subject").asText()));
        return findings.stream().sorted().toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
