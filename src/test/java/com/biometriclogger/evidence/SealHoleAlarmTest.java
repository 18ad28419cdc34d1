package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.biometriclogger.local.stack.LocalKeyFileSigner;
import com.biometriclogger.template.CloudWatchJsonFilter;
import com.biometriclogger.template.MetricFilters;
import com.biometriclogger.testing.LogCapture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SealHoleAlarm fires only if a line the sealer really logs, at the levels it ships with and through its JSON
 * encoder, matches the metric filter the alarm watches on the seal function's log group (CloudWatchJsonFilter).
 */
class SealHoleAlarmTest {

    @TempDir
    Path dir;

    private final Map<String, List<Map<String, String>>> index = new HashMap<>();
    private final Map<String, Map<String, String>> table = new TreeMap<>();
    private final InMemorySealArchive archive = new InMemorySealArchive();

    @Test
    void anHourMissingBehindTheNewestSealMovesTheAlarmOnceAndAHealthyRunDoesNot() {
        index.put("2026-05-03T06", List.of(Map.of("attemptId", "a".repeat(64), "decision", "AUTHORIZED")));
        String healthy = LogCapture.productionLogsOf(() -> sealer("2026-05-03T09:05:00Z").sealDue());
        archive.hours.remove("2026-05-03T07");
        table.remove("2026-05-03T07#0");

        String withHole = LogCapture.productionLogsOf(() -> sealer("2026-05-03T10:05:00Z").sealDue());

        assertEquals(List.of(), alarmed(healthy), healthy);
        assertEquals(List.of("SEAL_HOLE"), alarmed(withHole), withHole);
    }

    /** The seal role archived a head that does not link to the seal before: the sealer chains past it, and says so. */
    @Test
    void anArchivedHeadTheSealerRefusesMovesTheAlarm() {
        var ledger = SealedLedger.twoDecisionsSealed(dir);
        var unlinked = new HashMap<>(ledger.parts("2026-05-03T08").get(0));
        unlinked.putAll(Map.of(SealRecord.SEAL_ID, "2026-05-03T09#0", SealRecord.PERIOD, "2026-05-03T09",
                SealRecord.CHAIN_HEIGHT, "10000000000", SealRecord.PREVIOUS_SEAL, "0".repeat(64)));
        ledger.archive.putOnce("2026-05-03T09", List.of(ledger.sealSigning.sign(unlinked)));
        ledger.add(TestIds.id("c1"), "2026-05-03T10:10:00Z");

        String logs = LogCapture.productionLogsOf(() -> ledger.sealAt("2026-05-03T11:05:00Z"));

        // Named when the chain's end is sought and again when its hour is met: the alarm sums, once is enough.
        assertEquals(List.of("SEAL_HEAD_REFUSED"), alarmed(logs).stream().distinct().toList(), logs);
    }

    /** An item whose attempt id no leaf can hold is left out of its hour's seal: verify names it, the alarm says to run verify. */
    @Test
    void anItemLeftOutOfItsSealMovesTheAlarm() {
        index.put("2026-05-03T08", List.of(Map.of("attemptId", "a".repeat(64), "decision", "AUTHORIZED"),
                Map.of("attemptId", "not:a,leaf", "decision", "AUTHORIZED")));

        String logs = LogCapture.productionLogsOf(() -> sealer("2026-05-03T09:05:00Z").sealDue());

        assertEquals(List.of("SEAL_ITEM_REFUSED"), alarmed(logs), logs);
    }

    /** The alert of each line the sealer logged that the alarm's metric filter counts. */
    private static List<String> alarmed(String logs) {
        String pattern = MetricFilters.patternAlarmedBy("SealHoleAlarm", "SealFunction");
        return logs.lines().filter(l -> CloudWatchJsonFilter.matches(pattern, l))
                .map(l -> l.replaceFirst(".*\"alert\":\"([A-Z_]+)\".*", "$1")).toList();
    }

    private Sealer sealer(String now) {
        var signer = LocalKeyFileSigner.createIfMissing(dir.resolve("key.pem"));
        return new Sealer(period -> index.getOrDefault(period, List.of()), new InMemorySealStore(table), archive,
                new EvidenceSigning(signer), Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }
}
