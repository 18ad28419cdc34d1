package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.Scenario;
import com.biometriclogger.util.Sha256;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seal-format downgrade, played with the seal role's rights (create-only writes to the archive, the
 * seal table, the seal key) and the item key's where a decision is rewritten or inserted: a
 * version-1 seal commits to ids only, so wherever one counted, the decisions it covers could be
 * rewritten unnamed.
 */
@ExtendWith(LocalStackExtension.class)
class DowngradeAttacksIT {

    @TempDir
    Path dir;

    @Test
    void aVersionOneSealArchivedForTheCurrentHourIsNamedAndItsRewrittenDecisionWithIt(Scenario scenario)
            throws Exception {
        var ledger = new StackLedger(scenario, Instant.now());
        var insider = new Insider(scenario);
        String door = ledger.ids.get("uploads/alice/door.jpg");
        String hour = ledger.periods.get("uploads/alice/door.jpg");
        var downgraded = insider.sealKeyHolder().sign(versionOne(hour, door, Instant.now().toString()));
        ledger.archive().putOnce(hour, List.of(downgraded));
        insider.putSeal(downgraded);
        var item = Scenario.asStrings(scenario.auditItems().stream()
                .filter(i -> i.get("attemptId").s().equals(door)).findFirst().orElseThrow());
        item.put("decision", "AUTHORIZED".equals(item.get("decision")) ? "UNAUTHORIZED" : "AUTHORIZED");
        insider.putItem(insider.itemKeyHolder().sign(item));

        var run = ledger.seal(Instant.now().plus(Duration.ofHours(1)));

        assertEquals(List.of(hour), run.refused(), "the sealer refuses to chain from it, and goes on");
        var verified = ledger.verify();
        assertEquals(1, verified.status());
        // The rewrite the downgrade was to hide is named by the decision's commitment.
        var named = Set.of("SEAL_DOWNGRADED seal " + hour, "CHANGED_AFTER_COMMITMENT " + door);
        assertEquals(named, verified.findings());
        assertEquals(named, ledger.verifyWithoutArchive().findings(), "without the archive, the first version-2 seal is "
                + "the cutover");
        assertEquals(named, ledger.export(dir.resolve("bundle")).findings());
        var checked = BundleChecker.trustingExportedKeys(dir.resolve("bundle"));
        assertEquals(List.of("SEAL_DOWNGRADED seal " + hour), checked.findings().stream()
                .filter(f -> !f.startsWith("EXPORTED_WITH_PROBLEMS ")).toList(), "the bundle's checker alike: " + checked.out());
    }

    @Test
    void aVersionOneSealBackdatedBeforeTheGenesisCannotMakeAnInsertedDecisionLookSealed(Scenario scenario)
            throws Exception {
        var ledger = new StackLedger(scenario);
        var insider = new Insider(scenario);
        String genesis = ledger.periods.get("uploads/alice/selfie.jpg");
        String before = SealPeriod.parse(genesis).previous().toString();
        String inserted = Sha256.hex("backdated".getBytes(StandardCharsets.UTF_8));
        var item = new HashMap<>(Scenario.asStrings(scenario.auditItems().get(0)));
        item.put("attemptId", inserted);
        item.put("decidedAt", before + ":10:00Z");
        item.put("sealPeriod", before);
        insider.putItem(insider.itemKeyHolder().sign(item));
        var backdated = insider.sealKeyHolder().sign(versionOne(before, inserted, genesis + ":05:00Z"));
        ledger.archive().putOnce(before, List.of(backdated));
        insider.putSeal(backdated);

        assertEquals(Set.of("SEAL_DOWNGRADED seal " + before), ledger.verify().findings(),
                "the version-1 sealer never wrote the archive");
        assertEquals(Set.of("SEAL_DOWNGRADED seal " + before),
                ledger.verifyWithoutArchive("--v1-cutover", before).findings(), "a cutover given to verify");
    }

    /** A version-1 seal as that sealer wrote one: one part, the hour's ids, no content, no link. */
    private static Map<String, String> versionOne(String hour, String attemptId, String sealedAt) {
        return Map.of(SealRecord.SEAL_ID, SealRecord.sealId(hour, 0), SealRecord.PERIOD, hour, SealRecord.PART, "0",
                SealRecord.PART_COUNT, "1", SealRecord.ITEM_COUNT, "1", SealRecord.ATTEMPT_IDS, attemptId,
                SealRecord.SEALED_AT, sealedAt);
    }
}
