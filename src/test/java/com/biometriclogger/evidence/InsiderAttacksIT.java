package com.biometriclogger.evidence;

import static com.biometriclogger.evidence.TestIds.id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.biometriclogger.cli.VerifyCommand;
import com.biometriclogger.decision.AuditItem;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.LocalEvidence;
import com.biometriclogger.local.stack.LocalKeyFileSigner;
import com.biometriclogger.local.stack.LocalKms;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.Scenario;
import com.biometriclogger.util.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The insider attacks of the security review, each played with exactly the rights of its actor
 * against the real handler, the real sealer and the verify command on the local stack: a ledger of
 * four sealed hours, then one change, then verify must name it. Remove the protection a test names
 * and the test fails.
 */
@ExtendWith(LocalStackExtension.class)
class InsiderAttacksIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Scenario scenario;
    /** attempt id by object key; one decision per hour, oldest first. */
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, String> periods = new HashMap<>();

    @BeforeEach
    void fourHoursDecidedAndSealed(Scenario scenario) {
        this.scenario = scenario;
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);
        var uploads = List.of(Map.entry("uploads/alice/selfie.jpg", "one-clear-face.json"),
                Map.entry("uploads/alice/wall.jpg", "no-face.json"), Map.entry("uploads/alice/crowd.jpg", "three-faces.json"),
                Map.entry("uploads/alice/door.jpg", "one-clear-face.json"));
        for (int i = 0; i < uploads.size(); i++) {
            byte[] image = TestImages.jpeg(7100 + i);
            scenario.faces().respond(image, uploads.get(i).getValue());
            var at = hour.plus(i, ChronoUnit.HOURS).plus(10, ChronoUnit.MINUTES);
            Scenario.invoke(scenario.handlerAt(at), S3Events.event(scenario.upload(uploads.get(i).getKey(), image)));
        }
        scenario.auditItems().forEach(item -> {
            ids.put(item.get("objectKey").s(), item.get("attemptId").s());
            periods.put(item.get("objectKey").s(), item.get("sealPeriod").s());
        });
        seal();
        assertEquals(List.of(), findings(verify()), "the ledger starts intact");
    }

    @Test
    void attackA_aTableWriterDeletesADecisionAndItsHoursSealAndTheSealerDoesNotSealTheHourAgain() {
        String wall = ids.get("uploads/alice/wall.jpg");
        deleteItem(wall);
        deleteSeal(periods.get("uploads/alice/wall.jpg"));

        var rerun = seal();

        assertEquals(List.of(periods.get("uploads/alice/wall.jpg")), rerun.restored(), "restored, not sealed anew");
        assertEquals(List.of("DELETED_AFTER_COMMITMENT " + wall, "DELETED_AFTER_SEALING " + wall), findings(verify()));
    }

    @Test
    void attackA_beforeTheSealerRunsAgainTheDeletedSealIsNamedFromItsArchivedCopy() {
        String wall = ids.get("uploads/alice/wall.jpg");
        String period = periods.get("uploads/alice/wall.jpg");
        deleteItem(wall);
        deleteSeal(period);

        assertEquals(Set.of("SEAL_MISSING_FROM_TABLE seal " + period + "#0", "DELETED_AFTER_SEALING " + wall,
                "DELETED_AFTER_COMMITMENT " + wall), new TreeSet<>(findings(verify())));
    }

    @Test
    void attackB_aHolderOfTheItemKeyRewritesASealedDecisionAndReSignsIt() {
        String wall = ids.get("uploads/alice/wall.jpg");
        var item = Scenario.asStrings(scenario.auditItems().stream()
                .filter(i -> i.get("attemptId").s().equals(wall)).findFirst().orElseThrow());
        item.put("decision", "AUTHORIZED");
        item.put("reasons", "");
        putItem(itemKeyHolder().sign(item));

        assertEquals(List.of("CHANGED_AFTER_COMMITMENT " + wall, "CHANGED_AFTER_SEALING " + wall), findings(verify()));
    }

    @Test
    void attackC_aHolderOfTheItemKeyInsertsDecisionsUnderHoursNoSealCanCover() {
        var template = Scenario.asStrings(scenario.auditItems().get(0));
        putItem(itemKeyHolder().signItem(decidedAt(template, id("past"), "2020-01-01T00:10:00Z")).attributes());
        putItem(itemKeyHolder().signItem(decidedAt(template, id("future"), "9999-12-31T23:10:00Z")).attributes());
        var misfiled = new HashMap<>(itemKeyHolder().signItem(decidedAt(template, id("misfiled"), "2020-01-01T00:10:00Z"))
                .attributes());
        misfiled.put("sealPeriod", SealPeriod.containing(Instant.now()).toString());
        putItem(itemKeyHolder().sign(misfiled));

        assertEquals(Set.of("BEFORE_GENESIS " + id("past"), "IN_FUTURE " + id("future"), "ITEM_MISDATED " + id("misfiled"),
                "NOT_IN_SEAL " + id("misfiled"), "NOT_COMMITTED " + id("past"), "NOT_COMMITTED " + id("future")),
                new TreeSet<>(findings(verify())), "the hours of the past and future ones are sealed by no seal, and "
                        + "nothing committed them either");
    }

    @Test
    void attackD_theSealRoleRewritesASealWithoutADecisionAndATableWriterDeletesIt() {
        String wall = ids.get("uploads/alice/wall.jpg");
        String period = periods.get("uploads/alice/wall.jpg");
        putSeal(emptiedAndReSigned(period));
        deleteItem(wall);

        assertEquals(Set.of("SEAL_DIFFERS_FROM_ARCHIVE seal " + period + "#0", "DELETED_AFTER_SEALING " + wall,
                "DELETED_AFTER_COMMITMENT " + wall), new TreeSet<>(findings(verify())));
    }

    @Test
    void attackD_aSecondVersionWrittenOverTheLockedArchiveCopyIsNamedAndTheFirstStillCounts() {
        String wall = ids.get("uploads/alice/wall.jpg");
        String period = periods.get("uploads/alice/wall.jpg");
        var forged = emptiedAndReSigned(period);
        putSeal(forged);
        String key = LocalStack.sealArchivePrefix(scenario.table()) + period + ".jsonl";
        scenario.stack().s3().putObject(b -> b.bucket(LocalStack.SEAL_ARCHIVE_BUCKET).key(key),
                RequestBody.fromString(CanonicalForm.json(forged) + "\n"));
        deleteItem(wall);

        assertEquals(Set.of("ARCHIVE_OVERWRITTEN " + key, "SEAL_DIFFERS_FROM_ARCHIVE seal " + period + "#0",
                "DELETED_AFTER_SEALING " + wall, "DELETED_AFTER_COMMITMENT " + wall), new TreeSet<>(findings(verify())));
    }

    @Test
    void attackE_aTableWriterDeletesTheOldestSealAndItsDecision() {
        String selfie = ids.get("uploads/alice/selfie.jpg");
        String period = periods.get("uploads/alice/selfie.jpg");
        deleteItem(selfie);
        deleteSeal(period);

        assertEquals(Set.of("SEAL_MISSING_FROM_TABLE seal " + period + "#0", "DELETED_AFTER_SEALING " + selfie,
                "DELETED_AFTER_COMMITMENT " + selfie), new TreeSet<>(findings(verify())));
        assertEquals(List.of("DELETED_AFTER_COMMITMENT " + selfie, "CHAIN_TRUNCATED seal " + periods.get("uploads/alice/wall.jpg")),
                findings(verifyWithoutArchive()), "even without the archive, the chain no longer starts at its genesis");
    }

    @Test
    void anAdministratorWithTheOldKeyPolicyReSignsAChangedDecisionAndItsSeal() {
        String wall = ids.get("uploads/alice/wall.jpg");
        String period = periods.get("uploads/alice/wall.jpg");
        var item = Scenario.asStrings(scenario.auditItems().stream()
                .filter(i -> i.get("attemptId").s().equals(wall)).findFirst().orElseThrow());
        item.put("decision", "AUTHORIZED");
        item.put("reasons", "");
        var resigned = itemKeyHolder().sign(item);
        putItem(resigned);
        var seal = sealPart(period);
        seal.put(SealRecord.LEAVES, wall + ":" + CanonicalForm.digest(resigned));
        seal.put(SealRecord.MERKLE_ROOT, HexFormat.of().formatHex(MerkleTree.root(
                List.of((wall + ":" + CanonicalForm.digest(resigned)).getBytes(StandardCharsets.UTF_8)))));
        putSeal(sealKeyHolder().sign(seal));

        assertEquals(Set.of("SEAL_DIFFERS_FROM_ARCHIVE seal " + period + "#0", "CHANGED_AFTER_SEALING " + wall,
                "CHANGED_AFTER_COMMITMENT " + wall), new TreeSet<>(findings(verify())));
        assertEquals(List.of("CHANGED_AFTER_COMMITMENT " + wall, "SEAL_CHAIN_BROKEN seal " + periods.get("uploads/alice/crowd.jpg")),
                findings(verifyWithoutArchive()), "without the archive, the next seal no longer names it");
    }

    private Sealer.Report seal() {
        return LocalEvidence.sealer(scenario.stack(), scenario.table(), Clock.systemUTC())
                .sealThrough(Instant.now().plus(Duration.ofHours(1)));
    }

    private EvidenceSigning itemKeyHolder() {
        return new EvidenceSigning(LocalKeyFileSigner.load(scenario.stack().signingKeyFile()).as(LocalKms.KEY_ARN));
    }

    private EvidenceSigning sealKeyHolder() {
        return new EvidenceSigning(LocalKeyFileSigner.load(scenario.stack().sealSigningKeyFile()).as(LocalKms.SEAL_KEY_ARN));
    }

    private static AuditItem decidedAt(Map<String, String> template, String id, String at) {
        var item = new HashMap<>(template);
        item.put("attemptId", id);
        item.put("decidedAt", at);
        return AuditItem.of(item);
    }

    /** The hour's seal as the seal role could rewrite it: with no decisions left in it, validly signed. */
    private Map<String, String> emptiedAndReSigned(String period) {
        var seal = sealPart(period);
        seal.put(SealRecord.LEAVES, "");
        seal.put(SealRecord.ITEM_COUNT, "0");
        seal.put(SealRecord.MERKLE_ROOT, Sha256.hex(new byte[0]));
        return sealKeyHolder().sign(seal);
    }

    private Map<String, String> sealPart(String period) {
        var item = scenario.stack().dynamoDb().getItem(b -> b.tableName(LocalStack.sealTableName(scenario.table()))
                .key(Map.of(SealRecord.SEAL_ID, AttributeValue.fromS(SealRecord.sealId(period, 0))))).item();
        return new HashMap<>(Scenario.asStrings(item));
    }

    private void putItem(Map<String, String> item) {
        scenario.stack().dynamoDb().putItem(b -> b.tableName(scenario.table()).item(values(item)));
    }

    private void putSeal(Map<String, String> seal) {
        scenario.stack().dynamoDb().putItem(b -> b.tableName(LocalStack.sealTableName(scenario.table())).item(values(seal)));
    }

    private void deleteItem(String attemptId) {
        scenario.stack().dynamoDb().deleteItem(b -> b.tableName(scenario.table())
                .key(Map.of("attemptId", AttributeValue.fromS(attemptId))));
    }

    private void deleteSeal(String period) {
        scenario.stack().dynamoDb().deleteItem(b -> b.tableName(LocalStack.sealTableName(scenario.table()))
                .key(Map.of(SealRecord.SEAL_ID, AttributeValue.fromS(SealRecord.sealId(period, 0)))));
    }

    private static Map<String, AttributeValue> values(Map<String, String> strings) {
        var values = new HashMap<String, AttributeValue>();
        strings.forEach((name, value) -> values.put(name, AttributeValue.fromS(value)));
        return values;
    }

    private String verify() {
        return run(LocalEvidence.verifyArguments(scenario.table(), "--json"));
    }

    private String verifyWithoutArchive() {
        var args = new ArrayList<>(LocalEvidence.verifyArguments(scenario.table(), "--json"));
        int at = args.indexOf("--seal-archive");
        args.remove(at + 1);
        args.remove(at);
        return run(args);
    }

    private String run(List<String> args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        VerifyCommand.run(args.toArray(String[]::new), scenario.environment(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8) + "\u0000" + err.toString(StandardCharsets.UTF_8);
    }

    private static List<String> findings(String run) {
        String json = run.substring(0, run.indexOf('\u0000'));
        List<String> found = new ArrayList<>();
        try {
            JSON.readTree(json).get("findings").forEach((JsonNode f) -> found.add(f.get("problem").asText() + " "
                    + f.get("subject").asText()));
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("verify printed no JSON report: " + run.replace('\u0000', '\n'), e);
        }
        return found;
    }
}
