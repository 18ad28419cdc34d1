package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.biometriclogger.decision.AuditItem;
import com.biometriclogger.handler.DecisionHandler;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.LocalEvidence;
import com.biometriclogger.local.stack.LocalKeyFileSigner;
import com.biometriclogger.local.stack.LocalKms;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.Scenario;
import com.biometriclogger.util.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * verify --rederive re-counts each decision's lockout count from the ledger. The attacker is the function's
 * role, which holds the item key: it signs decisions that count fewer failures than the ledger held, none at
 * all, or a lockout the ledger never earned. Each is named; the honest ledger beside them is not.
 */
@ExtendWith(LocalStackExtension.class)
class LockoutRederiveIT {

    private final AtomicLong seeds = new AtomicLong(9500);
    private Scenario scenario;

    @Test
    void countsTheLedgerDoesNotBearOutAreNamedAndHonestOnesAreNot(Scenario scenario) {
        this.scenario = scenario;
        var base = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.HOURS).plusSeconds(60);
        decide(base, "references/alice.jpg", "one-clear-face.json", "compare-match.json");
        decide(base, "references/bob.jpg", "one-clear-face.json", "compare-match.json");
        var authorized = decide(base.plusSeconds(1), "uploads/alice/1.jpg", "one-clear-face.json", "compare-match.json");
        for (int i = 2; i <= 6; i++) {
            decide(base.plusSeconds(i), "uploads/alice/" + i + ".jpg", "one-clear-face.json", "compare-no-match.json");
        }
        var lockedOut = decide(base.plusSeconds(180), "uploads/alice/7.jpg", "one-clear-face.json", "compare-match.json");
        assertEquals("LOCKED_OUT", lockedOut.get("reasons"));

        var signing = new EvidenceSigning(LocalKeyFileSigner.load(scenario.stack().signingKeyFile()).as(LocalKms.KEY_ARN));
        var underCounted = forge(signing, authorized, "under-counted", base.plusSeconds(240), Map.of("failuresCounted", "0"));
        var uncounted = forge(signing, authorized, "uncounted", base.plusSeconds(300),
                Map.of("failuresCounted", "", "lockoutLimit", "", "lockoutWindowSeconds", ""));
        var overCounted = forge(signing, lockedOut, "over-counted", base.plusSeconds(360),
                Map.of("subjectId", "bob", "objectKey", "uploads/bob/1.jpg"));
        LocalEvidence.sealer(scenario.stack(), scenario.table(), Clock.systemUTC()).sealThrough(Instant.now().minus(Duration.ofHours(1)));

        var verified = new LedgerCommands(scenario).verify("--rederive", "--json");

        assertEquals(Stream.of(overCounted, uncounted, underCounted).map(id -> "DECISION_DOES_NOT_FOLLOW " + id).sorted().toList(),
                verified.findings().stream().sorted().toList(), verified.out());
        assertEquals(1, verified.status());
    }

    private Map<String, String> decide(Instant at, String key, String detection, String comparison) {
        byte[] image = TestImages.jpeg(seeds.incrementAndGet());
        scenario.faces().respond(image, detection);
        scenario.faces().respondToComparison(image, comparison);
        DecisionHandler handler = scenario.handlerAt(at, Map.of("VERIFICATION_MODE", "MATCH"));
        Scenario.invoke(handler, S3Events.event(scenario.upload(key, image)));
        return scenario.auditItems().stream().map(Scenario::asStrings).filter(i -> key.equals(i.get("objectKey")))
                .findFirst().orElseThrow();
    }

    /** A copy of {@code honest} under a new id and date with {@code changes} ("" removes), signed with the item key. */
    private String forge(EvidenceSigning signing, Map<String, String> honest, String name, Instant at,
                         Map<String, String> changes) {
        var forged = new HashMap<>(honest);
        forged.remove("signature");
        forged.remove("signingKeyId");
        forged.remove("sealPeriod");
        forged.put("attemptId", Sha256.hex(name.getBytes(StandardCharsets.UTF_8)));
        forged.put("decidedAt", at.toString());
        forged.put("decidedAtEpochMillis", Long.toString(at.toEpochMilli()));
        changes.forEach((attribute, value) -> {
            if (value.isEmpty()) {
                forged.remove(attribute);
            } else {
                forged.put(attribute, value);
            }
        });
        var item = new HashMap<String, AttributeValue>();
        signing.signItem(AuditItem.of(forged)).attributes().forEach((attribute, value) -> item.put(attribute, AttributeValue.fromS(value)));
        scenario.stack().dynamoDb().putItem(b -> b.tableName(scenario.table()).item(item));
        return forged.get("attemptId");
    }
}
