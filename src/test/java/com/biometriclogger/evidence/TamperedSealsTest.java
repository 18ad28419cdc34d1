package com.biometriclogger.evidence;

import static com.biometriclogger.evidence.TestIds.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.evidence.Finding.Problem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The evidence check on seals deleted, rewritten, re-filed, signed by the wrong key or missing from the archive, and on a
 * sealer that stopped.
 */
class TamperedSealsTest extends ThreeDecisionsInTwoSealedHours {

    @Test
    void aSealSignedWithTheItemKeyIsUntrusted() {
        var head = new HashMap<>(seals.get("2026-05-03T09#0"));
        var forged = itemSigning.sign(head);
        seals.put("2026-05-03T09#0", forged);

        var report = verifyTableOnly();

        assertTrue(problems(report).contains(Problem.UNTRUSTED_KEY), report.findings().toString());
    }

    @Test
    void withoutTheArchiveADeletedSealAndItsItemBreakTheChain() {
        seals.remove("2026-05-03T08#0");
        items.remove(id("a1"));
        items.remove(id("a2"));

        var report = verifyTableOnly();

        assertEquals(List.of(Problem.CHAIN_TRUNCATED), problems(report));
    }

    @Test
    void withTheArchiveASealDeletedFromTheTableStillNamesItsDeletedDecisions() {
        seals.remove("2026-05-03T08#0");
        items.remove(id("a1"));

        assertEquals(List.of(Problem.SEAL_MISSING_FROM_TABLE, Problem.DELETED_AFTER_SEALING), problems(verify()));
    }

    @Test
    void aSealRewrittenBySealKeyHolderDiffersFromItsArchivedCopy() {
        var rewritten = new HashMap<>(seals.get("2026-05-03T08#0"));
        rewritten.put(SealRecord.LEAVES, leafOf(id("a1")));
        rewritten.put(SealRecord.ITEM_COUNT, "1");
        seals.put("2026-05-03T08#0", sealSigning.sign(rewritten));
        items.remove(id("a2"));

        assertEquals(List.of(Problem.SEAL_DIFFERS_FROM_ARCHIVE, Problem.DELETED_AFTER_SEALING), problems(verify()));
    }

    @Test
    void aSecondVersionOverALockedSealAndADeleteMarkerAreNamed() {
        var verifier = verifier();
        archive.hours.forEach((period, parts) -> verifier.checkArchivedSeal(new ArchivedSeal(period, "seals/" + period,
                parts, period.endsWith("08") ? 2 : 1, period.endsWith("09") ? 1 : 0, Optional.empty())));

        assertEquals(List.of(Problem.ARCHIVE_OVERWRITTEN, Problem.ARCHIVE_HIDDEN), problems(verifier.finish(NOW)));
    }

    @Test
    void aSealInTheTableThatTheArchiveLacksWasNotWrittenByTheSealer() {
        archive.hours.remove("2026-05-03T09");

        assertEquals(List.of(Problem.NOT_ARCHIVED), problems(verify()));
    }

    @ParameterizedTest(name = "period \"{0}\"")
    @ValueSource(strings = {"garbage", ""})
    void aCorrectlySignedSealWithAMalformedPeriodIsOneSealInvalidFinding(String period) {
        seals.put(period + "#0", signedSealFor(period));

        var report = verifyTableOnly();

        assertEquals(List.of(new Finding(Problem.SEAL_INVALID, "seal " + period + "#0",
                "'" + period + "' is not an hour like 2026-05-03T08")), report.findings().stream()
                .filter(f -> f.about().equals("seal " + period + "#0")).toList());
    }

    @Test
    void aCorrectlySignedSealForAFarFutureHourMakesTheGapOneRangeFindingNotAnHourByHourWalk() {
        seals.put("9999-12-31T23#0", signedSealFor("9999-12-31T23"));

        var report = verifyTableOnly();

        assertEquals(List.of("2026-05-03T10 to 9999-12-31T22"), report.findings().stream()
                .filter(f -> f.problem() == Problem.SEAL_MISSING).map(Finding::about).toList());
    }

    /** The 09 hour's seal, re-filed under another period and correctly signed: what a buggy sealer or a kms:Sign holder writes. */
    private Map<String, String> signedSealFor(String period) {
        var head = new HashMap<>(seals.get("2026-05-03T09#0"));
        head.put(SealRecord.PERIOD, period);
        head.put(SealRecord.SEAL_ID, period + "#0");
        return sealSigning.sign(head);
    }

    @Test
    void aStaleNewestSealIsAFinding() {
        var report = verify(NOW.plusSeconds(6 * 3600));

        assertEquals(List.of(Problem.SEALING_STOPPED), problems(report));
    }

    private String leafOf(String id) {
        return id + ":" + CanonicalForm.digest(items.get(id));
    }
}
