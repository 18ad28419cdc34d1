package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.decision.ErasureRecord;
import com.biometriclogger.local.stack.LocalEvidence;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The red team's laundering, played with each actor's rights: an insider changes a sealed decision
 * (a table writer's PutItem through the real client; a holder of the item key re-signs it), then
 * the break-glass operator erases the subject as documented. Erase must not sign a record for the
 * changed item, or verify would count it lawfully erased and say INTACT.
 */
@ExtendWith(LocalStackExtension.class)
class ErasureRefusalIT {

    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    private Scenario scenario;
    private LedgerCommands commands;
    private String subject;
    private Map<String, String> original;

    @BeforeEach
    void aSubjectEnrolledWithOneUploadTwoHoursAgoAndSealed(Scenario scenario) {
        this.scenario = scenario;
        commands = new LedgerCommands(scenario);
        subject = "suspect" + SUBJECTS.incrementAndGet() + scenario.table();
        var handler = scenario.handlerAt(Instant.now().minus(Duration.ofHours(2)), Map.of("VERIFICATION_MODE", "MATCH"));
        scenario.decideMatching(handler, "references/" + subject + ".jpg", 5001);
        scenario.decideMatching(handler, "uploads/" + subject + "/1.jpg", 5002);
        original = Scenario.asStrings(scenario.auditItems().stream()
                .filter(item -> item.get("objectKey").s().equals("uploads/" + subject + "/1.jpg")).findFirst().orElseThrow());
        LocalEvidence.sealer(scenario.stack(), scenario.table(), Clock.systemUTC()).sealThrough(Instant.now());
    }

    @Test
    void anItemEditedByATableWriterIsRefusedLeftInPlaceAndStillNamedByVerify() {
        String id = original.get("attemptId");
        new Insider(scenario).putItem(edited());

        var erased = commands.erase(subject, "REQ-2026-0050");

        assertEquals(1, erased.status(), erased.out() + erased.err());
        assertTrue(erased.err().contains("erase: refused " + id + ": SIGNATURE_INVALID: uploads/" + subject
                + "/1.jpg: content does not match its signature"), erased.err());
        assertTrue(erased.out().contains("audit items: 1"), erased.out());
        assertEquals(edited(), storedItem(id), "left in place, as the insider left it");
        assertTrue(storedItem(ErasureRecord.idFor(id)).isEmpty(), "no erasure record signed for it");
        assertEquals(1, scenario.stack().s3().listObjectVersions(b -> b.bucket(scenario.bucket())
                .prefix("uploads/" + subject + "/")).versions().size(), "the image it names stays with it");
        var verified = commands.verify("--json");
        assertEquals(1, verified.status(), verified.out());
        assertEquals(List.of("SIGNATURE_INVALID " + id, "CHANGED_AFTER_COMMITMENT " + id, "CHANGED_AFTER_SEALING " + id),
                verified.findings());
        assertEquals(1, verified.report().get("erased").asInt(), "the enrolment, which verifies, is erased");
    }

    @Test
    void anItemReSignedByAHolderOfTheItemKeyIsRefusedForItsSealedDigest() {
        String id = original.get("attemptId");
        new Insider(scenario).putItem(new Insider(scenario).itemKeyHolder().sign(edited()));

        var erased = commands.erase(subject, "REQ-2026-0051");

        assertEquals(1, erased.status(), erased.out() + erased.err());
        assertTrue(erased.err().contains("erase: refused " + id + ": CHANGED_AFTER_SEALING: its digest is not the one its"
                + " hour's seal holds"), erased.err());
        assertEquals(List.of("CHANGED_AFTER_COMMITMENT " + id, "CHANGED_AFTER_SEALING " + id),
                commands.verify("--json").findings());
    }

    @Test
    void aRerunAfterTheInvestigationRestoredTheItemErasesItAndVerifyIsIntact() {
        new Insider(scenario).putItem(edited());
        assertEquals(1, commands.erase(subject, "REQ-2026-0052").status());
        // The investigation puts back the item as signed and sealed (from a bundle, a backup).
        new Insider(scenario).putItem(original);

        var rerun = commands.erase(subject, "REQ-2026-0052");

        assertEquals(0, rerun.status(), rerun.out() + rerun.err());
        assertTrue(rerun.out().contains("erased: 1 erasure records written, 0 found from an earlier run,\n  1 audit items and 1 image versions deleted"),
                rerun.out());
        var verified = commands.verify("--json");
        assertEquals(0, verified.status(), verified.out());
        assertEquals(2, verified.report().get("erased").asInt());
    }

    /** The upload's decision turned around, as someone with table access could. */
    private Map<String, String> edited() {
        var edited = new HashMap<>(original);
        edited.put("decision", "UNAUTHORIZED");
        return edited;
    }

    private Map<String, String> storedItem(String attemptId) {
        return scenario.auditItems().stream().filter(item -> item.get("attemptId").s().equals(attemptId))
                .findFirst().map(Scenario::asStrings).orElse(Map.of());
    }
}
