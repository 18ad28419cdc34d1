package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.cli.VerifyCommand;
import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.local.stack.LocalEvidence;
import com.biometriclogger.local.stack.LocalKeyFileSigner;
import com.biometriclogger.local.stack.LocalKms;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.Scenario;
import com.biometriclogger.util.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The signature covers every attribute: a table writer (PutItem, no {@code kms:Sign}) alters each
 * attribute of the item schema on an item of its own, one that a decision carries or one it lacks,
 * and verify names each of those items {@code SIGNATURE_INVALID}. The seal digests the same bytes the
 * signature covers, so an attribute left out of them would be an alteration nothing names.
 */
@ExtendWith(LocalStackExtension.class)
class SignedAttributesIT {

    private static final String ATTEMPT_ID = AuditAttribute.ATTEMPT_ID.stored();

    private Scenario scenario;
    private Map<String, String> decided;
    private final Map<AuditAttribute, String> copies = new EnumMap<>(AuditAttribute.class);

    /**
     * The real handler's matched decision (so it carries a subject and face figures), and a copy of it
     * per attribute of the schema, each under its own id and signed with the local KMS's key as KMS
     * would, all sealed.
     */
    @BeforeEach
    void aSignedAndSealedDecisionPerAttribute(Scenario scenario) {
        this.scenario = scenario;
        String subject = "signed" + scenario.table();
        var handler = scenario.handlerAt(Instant.now().minus(Duration.ofHours(2)), Map.of("VERIFICATION_MODE", "MATCH"));
        scenario.decideMatching(handler, "references/" + subject + ".jpg", 5001);
        scenario.decideMatching(handler, "uploads/" + subject + "/1.jpg", 5002);
        decided = scenario.auditItems().stream().map(Scenario::asStrings)
                .filter(item -> item.get("objectKey").startsWith("uploads/")).findFirst().orElseThrow();
        var signing = new EvidenceSigning(LocalKeyFileSigner.load(scenario.stack().signingKeyFile()).as(LocalKms.KEY_ARN));
        for (AuditAttribute attribute : AuditAttribute.values()) {
            var copy = new HashMap<>(decided);
            copy.put(ATTEMPT_ID, Sha256.hex(attribute.stored().getBytes(StandardCharsets.UTF_8)));
            put(signing.sign(copy));
            copies.put(attribute, copy.get(ATTEMPT_ID));
        }
        LocalEvidence.sealer(scenario.stack(), scenario.table(), Clock.systemUTC()).sealThrough(Instant.now());
    }

    @Test
    void eachAttributeAlteredOnItsOwnItemIsNamedSignatureInvalid() {
        var schema = Arrays.stream(AuditAttribute.values()).map(AuditAttribute::stored).collect(Collectors.toSet());
        assertEquals(Set.of(), difference(decided.keySet(), schema), "the item holds only attributes of the schema");
        assertTrue(decided.containsKey("subjectId") && decided.containsKey("faceYaw"), decided.keySet().toString());
        assertEquals(List.of(), verify(), "untouched, every copy verifies");
        Map<AuditAttribute, String> altered = new EnumMap<>(AuditAttribute.class);
        copies.forEach((attribute, id) -> altered.put(attribute, alter(id, attribute)));

        var findings = verify();

        var unnamed = altered.entrySet().stream().filter(entry -> !findings.contains("SIGNATURE_INVALID " + entry.getValue()))
                .map(entry -> entry.getKey().stored()).toList();
        assertEquals(List.of(), unnamed, "attributes altered without verify naming the item SIGNATURE_INVALID");
    }

    /**
     * Changes the attribute's value on the stored item, or adds it if a decision has none, and returns
     * the altered item's id. The id itself is the key, so altering it writes a copy under another id.
     */
    private String alter(String id, AuditAttribute attribute) {
        var item = Scenario.asStrings(scenario.stack().dynamoDb().getItem(b -> b.tableName(scenario.table())
                .key(Map.of(ATTEMPT_ID, AttributeValue.fromS(id)))).item());
        String name = attribute.stored();
        item.put(name, item.containsKey(name) ? item.get(name) + "0" : "added");
        put(item);
        return item.get(ATTEMPT_ID);
    }

    private void put(Map<String, String> attributes) {
        var item = new HashMap<String, AttributeValue>();
        attributes.forEach((name, value) -> item.put(name, AttributeValue.fromS(value)));
        scenario.stack().dynamoDb().putItem(b -> b.tableName(scenario.table()).item(item));
    }

    /**
     * verify's findings as "PROBLEM subject", trusting the bare public key: the recorded key id is
     * then one more signed attribute rather than a lookup, so its alteration is judged by the signature too.
     */
    private List<String> verify() {
        var stack = scenario.stack();
        var args = List.of("--table", scenario.table(), "--no-progress", "--json",
                "--public-key", LocalKeyFileSigner.publicKeyFile(stack.signingKeyFile()).toString(),
                "--seal-public-key", LocalKeyFileSigner.publicKeyFile(stack.sealSigningKeyFile()).toString(),
                "--seal-archive", "s3://" + LocalStack.SEAL_ARCHIVE_BUCKET + "/" + LocalStack.sealArchivePrefix(scenario.table()),
                "--commitments", LocalStack.commitmentArchive(scenario.table()));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = VerifyCommand.run(args.toArray(String[]::new), scenario.environment(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        var run = new LedgerCommands.Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertEquals(run.findings().isEmpty() ? 0 : 1, run.status(), run.out() + run.err());
        return run.findings();
    }

    private static Set<String> difference(Set<String> of, Set<String> without) {
        var left = new TreeSet<>(of);
        left.removeAll(without);
        return left;
    }
}
