package com.biometriclogger.evidence;

import static com.biometriclogger.evidence.TestIds.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.cli.VerifyCommand;
import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.LocalEvidence;
import com.biometriclogger.local.stack.LocalKeyFileSigner;
import com.biometriclogger.local.stack.LocalKms;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.RequiredTools;
import com.biometriclogger.testing.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The evidence end to end against DynamoDB Local: items written and signed by the real handler,
 * sealed by the real sealer, checked by the verify command as a user runs it, then tampered with
 * the ways an editor with table access could.
 */
@ExtendWith(LocalStackExtension.class)
class EvidenceIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Scenario scenario;
    private Map<String, String> idsByKey;

    @BeforeEach
    void decisionsWrittenAndSealed(Scenario scenario) {
        this.scenario = scenario;
        byte[] selfie = TestImages.jpeg(901);
        byte[] wall = TestImages.jpeg(902);
        byte[] crowd = TestImages.png(903);
        scenario.faces().respond(selfie, "one-clear-face.json");
        scenario.faces().respond(wall, "no-face.json");
        scenario.faces().respond(crowd, "three-faces.json");
        for (var upload : Map.of("uploads/alice/selfie.jpg", selfie, "uploads/alice/wall.jpg", wall,
                "uploads/alice/crowd.png", crowd, "uploads/alice/notes.jpg", "not an image".getBytes(StandardCharsets.UTF_8))
                .entrySet()) {
            scenario.invoke(S3Events.event(scenario.upload(upload.getKey(), upload.getValue())));
        }
        idsByKey = new HashMap<>();
        scenario.auditItems().forEach(item -> idsByKey.put(item.get("objectKey").s(), item.get("attemptId").s()));
        sealThroughNow(scenario.table());
    }

    @Test
    void anUntouchedTableIsIntactEveryDecisionFollowsAndEveryImageStillHashesTheSame() throws IOException {
        var run = verify(scenario.table(), "--json", "--rederive", "--check-images");

        assertEquals(0, run.status(), run.err());
        var report = JSON.readTree(run.out());
        assertTrue(report.get("intact").asBoolean());
        assertEquals(4, report.get("itemsChecked").asInt());
        assertEquals(4, report.get("signaturesValid").asInt());
        assertEquals(3, report.get("decisionsRederived").asInt(), "the rejected text file records no face figures");
        assertEquals(4, report.get("imagesRehashed").asInt());
        assertEquals(0, report.get("unsealedItems").asInt());
        assertEquals(1, report.get("hoursSealed").asInt(), "the genesis seal, over the hour just decided");
    }

    @Test
    void itemsAreSignedThroughKmsAndVerifyWithTheBarePublicKeyToo() throws IOException {
        var item = Scenario.asStrings(scenario.auditItems().get(0));
        assertEquals(LocalKms.KEY_ARN, item.get("signingKeyId"));
        Path publicKey = LocalKeyFileSigner.publicKeyFile(scenario.stack().signingKeyFile());

        Path sealKey = LocalKeyFileSigner.publicKeyFile(scenario.stack().sealSigningKeyFile());

        var run = verifyWith(scenario.table(), "--public-key", publicKey.toString(), "--seal-public-key",
                sealKey.toString(), "--seal-archive", "s3://" + LocalStack.SEAL_ARCHIVE_BUCKET + "/"
                        + LocalStack.sealArchivePrefix(scenario.table()), "--commitments", LocalStack.commitmentArchive(scenario.table()), "--json");

        assertEquals(0, run.status(), run.err());
        assertEquals(4, JSON.readTree(run.out()).get("signaturesValid").asInt());
        assertTrue(JSON.readTree(run.out()).get("trustedKeys").get(0).asText().startsWith("public key sha256:"));
    }

    @Test
    void oneChangedAttributeIsDetectedAndNamed() throws IOException {
        String wall = idsByKey.get("uploads/alice/wall.jpg");
        scenario.stack().dynamoDb().updateItem(b -> b.tableName(scenario.table()).key(key(wall))
                .updateExpression("SET decision = :d").expressionAttributeValues(Map.of(":d", AttributeValue.fromS("AUTHORIZED"))));

        var run = verify(scenario.table(), "--json");

        assertEquals(1, run.status());
        assertEquals(List.of("SIGNATURE_INVALID " + wall, "CHANGED_AFTER_COMMITMENT " + wall, "CHANGED_AFTER_SEALING " + wall), findings(run));
        assertTrue(JSON.readTree(run.out()).get("findings").get(0).get("detail").asText().startsWith("uploads/alice/wall.jpg: "));
    }

    @Test
    void oneDeletedItemIsDetectedAndNamed() throws IOException {
        String selfie = idsByKey.get("uploads/alice/selfie.jpg");
        scenario.stack().dynamoDb().deleteItem(b -> b.tableName(scenario.table()).key(key(selfie)));

        var run = verify(scenario.table(), "--json");

        assertEquals(1, run.status());
        assertEquals(List.of("DELETED_AFTER_COMMITMENT " + selfie, "DELETED_AFTER_SEALING " + selfie), findings(run));
    }

    @Test
    void aForgedItemIsDetectedWhetherItCopiesASignatureOrBringsItsOwnKey() throws IOException {
        var copied = new HashMap<>(scenario.auditItems().get(0));
        copied.put("attemptId", AttributeValue.fromS(id("forged-copy")));
        scenario.stack().dynamoDb().putItem(b -> b.tableName(scenario.table()).item(copied));
        var forger = new EvidenceSigning(LocalKeyFileSigner.createIfMissing(dir.resolve("forger.pem")));
        var ownKey = new HashMap<String, AttributeValue>();
        var attributes = new HashMap<>(Scenario.asStrings(scenario.auditItems().get(1)));
        attributes.put("attemptId", id("forged-signed"));
        forger.sign(attributes).forEach((name, value) -> ownKey.put(name, AttributeValue.fromS(value)));
        scenario.stack().dynamoDb().putItem(b -> b.tableName(scenario.table()).item(ownKey));

        var run = verify(scenario.table(), "--json");

        assertEquals(1, run.status());
        assertEquals(Set.of("SIGNATURE_INVALID " + id("forged-copy"), "UNTRUSTED_KEY " + id("forged-signed"),
                "NOT_IN_SEAL " + id("forged-copy"), "NOT_IN_SEAL " + id("forged-signed")), new HashSet<>(findings(run)));
    }

    @Test
    void anAttributeRewrittenAsANumberIsNamed() throws IOException {
        String crowd = idsByKey.get("uploads/alice/crowd.png");
        scenario.stack().dynamoDb().updateItem(b -> b.tableName(scenario.table()).key(key(crowd))
                .updateExpression("SET faceCount = :n").expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1"))));

        var run = verify(scenario.table(), "--json");

        assertEquals(List.of("NOT_STRING_TYPED " + crowd, "SIGNATURE_INVALID " + crowd, "CHANGED_AFTER_COMMITMENT " + crowd,
                "CHANGED_AFTER_SEALING " + crowd), findings(run));
    }

    @Test
    void aCheckThatCannotRunExitsWithTwoAndSaysWhy() {
        var run = verify("no-such-table");

        assertEquals(2, run.status());
        assertTrue(run.err().startsWith("verify: no such table (no-such-table or no-such-table-seals)"), run.err());
    }

    @Test
    void anExportedBundleIsCheckedByPythonAndOpensslAlone() throws Exception {
        RequiredTools.requireOnPath("python3", "python3 (Debian package python3) to check a bundle without our code");
        RequiredTools.requireOnPath("openssl", "openssl (Debian package openssl) to check a bundle without our code");
        Path bundle = dir.resolve("bundle");
        String today = Instant.now().toString().substring(0, 10);
        assertEquals(0, verify(scenario.table(), "--export", bundle.toString(), "--from", today, "--to", today).status());

        var intact = BundleChecker.trustingExportedKeys(bundle);
        assertEquals(0, intact.status(), intact.out());
        assertTrue(intact.out().contains("4 items, 1 seal part (1 hour), 4 inclusion proofs, 0 erased, 0 problems"), intact.out());
        // One fingerprint for one key: the checker's is the SHA-256 of the DER key, as verify and openssl give it.
        var key = EvidenceKey.fromPem(Files.readString(bundle.resolve("public-key.pem")));
        assertTrue(intact.out().contains("\n  public key sha256:" + key.fingerprint() + " expected\n"), intact.out());
        assertEquals(key.fingerprint(), openssl(bundle.resolve("public-key.pem")));
        assertTrue(intact.out().strip().endsWith("RESULT: INTACT"), intact.out());

        Path items = bundle.resolve("items.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(items));
        String wall = idsByKey.get("uploads/alice/wall.jpg");
        lines.replaceAll(line -> line.contains(wall) ? line.replace("\"UNAUTHORIZED\"", "\"AUTHORIZED\"") : line);
        lines.removeIf(line -> line.contains(idsByKey.get("uploads/alice/selfie.jpg")));
        String crowd = idsByKey.get("uploads/alice/crowd.png");
        lines.replaceAll(line -> line.contains(crowd) ? line.replaceAll("\"signature\":\"[^\"]*\"", "\"signature\":\"not*base64\"")
                : line);
        Files.write(items, lines);

        var tampered = BundleChecker.trustingExportedKeys(bundle);
        assertEquals(1, tampered.status(), tampered.out());
        assertTrue(tampered.out().contains("SIGNATURE_INVALID        " + wall), tampered.out());
        assertTrue(tampered.out().contains("CHANGED_AFTER_SEALING    " + wall), tampered.out());
        assertTrue(tampered.out().contains("SIGNATURE_INVALID        " + crowd), "an undecodable signature is a finding, "
                + "not a traceback: " + tampered.out());
        assertTrue(tampered.out().strip().lines().reduce((a, b) -> b).orElseThrow().startsWith("RESULT: "), tampered.out());
        assertTrue(tampered.out().contains("DELETED_AFTER_SEALING    " + idsByKey.get("uploads/alice/selfie.jpg")), tampered.out());
    }

    @Test
    void tenThousandItemsVerify() throws IOException {
        var big = scenario.withAnotherTable();
        // The local KMS's own key material, signing as KMS would, without 10,000 round trips.
        var signing = new EvidenceSigning(LocalKeyFileSigner.load(big.stack().signingKeyFile()).as(LocalKms.KEY_ARN));
        var template = Scenario.asStrings(scenario.auditItems().get(0));
        List<WriteRequest> batch = new ArrayList<>();
        long writeStarted = System.nanoTime();
        for (int i = 0; i < 10_000; i++) {
            var item = new HashMap<>(template);
            item.put("attemptId", String.format("%064x", i));
            item.put("objectKey", "uploads/load/" + i + ".jpg");
            var values = new HashMap<String, AttributeValue>();
            signing.sign(item).forEach((name, value) -> values.put(name, AttributeValue.fromS(value)));
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(values).build()).build());
            if (batch.size() == 25) {
                write(big, batch);
                batch = new ArrayList<>();
            }
        }
        long written = System.nanoTime();
        sealThroughNow(big.table());
        long sealed = System.nanoTime();

        var run = verify(big.table(), "--json", "--rederive");
        long verified = System.nanoTime();

        assertEquals(0, run.status(), run.err() + run.out());
        assertEquals(10_000, JSON.readTree(run.out()).get("signaturesValid").asInt());
        assertEquals(10_000, JSON.readTree(run.out()).get("decisionsRederived").asInt());
        System.out.printf("[measured] 10,000 signed items: written %.1f s, sealed %.1f s, verified (signatures, seals, "
                        + "re-derived decisions) %.1f s on DynamoDB Local%n", (written - writeStarted) / 1e9,
                (sealed - written) / 1e9, (verified - sealed) / 1e9);
    }

    private static void write(Scenario target, List<WriteRequest> batch) {
        var unprocessed = Map.of(target.table(), batch);
        while (!unprocessed.isEmpty()) {
            var pending = unprocessed;
            unprocessed = target.stack().dynamoDb().batchWriteItem(b -> b.requestItems(pending)).unprocessedItems();
        }
    }

    private void sealThroughNow(String table) {
        LocalEvidence.sealer(scenario.stack(), table, Clock.systemUTC()).sealThrough(Instant.now().plus(Duration.ofHours(1)));
    }

    private static Map<String, AttributeValue> key(String attemptId) {
        return Map.of(AuditAttribute.ATTEMPT_ID.stored(), AttributeValue.fromS(attemptId));
    }

    private static List<String> findings(Run run) throws IOException {
        List<String> found = new ArrayList<>();
        JSON.readTree(run.out()).get("findings").forEach((JsonNode f) -> found.add(f.get("problem").asText() + " " + f.get("subject").asText()));
        return found;
    }

    private record Run(int status, String out, String err) {
    }

    private Run verify(String table, String... extra) {
        return capture((out, err) -> LocalEvidence.verify(scenario.stack(), table, out, err, extra));
    }

    /** The verify command with a key of the caller's choosing instead of the stack's KMS key. */
    private Run verifyWith(String table, String... args) {
        var all = new ArrayList<>(List.of("--table", table, "--no-progress"));
        all.addAll(List.of(args));
        return capture((out, err) -> VerifyCommand.run(all.toArray(String[]::new), scenario.environment(), out, err));
    }

    private static Run capture(BiFunction<PrintStream, PrintStream, Integer> command) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = command.apply(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theBundleCheckerOnAMissingDirectoryCouldNotRunAndSaysSoInOneLine() throws Exception {
        RequiredTools.requireOnPath("python3", "python3 (Debian package python3) to run the bundle checker");
        Files.createDirectories(dir.resolve("bundlecheck"));
        for (String file : EvidenceBundle.CHECKER) {
            Files.writeString(dir.resolve(file), EvidenceBundle.resource(file));
        }

        var run = BundleChecker.run(dir.resolve("verify_bundle.py"), dir.resolve("no-such-bundle"), List.of());

        assertEquals(2, run.status(), run.out());
        assertEquals("verify_bundle: no bundle directory " + dir.resolve("no-such-bundle"), run.out().strip());
    }

    /** What {@code openssl pkey -pubin -outform DER | sha256sum} prints for a PEM public key. */
    private static String openssl(Path pem) throws Exception {
        var process = new ProcessBuilder("bash", "-c", "openssl pkey -pubin -in '" + pem + "' -outform DER | sha256sum")
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return out.split(" ", -1)[0];
    }

}
