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
        String pattern = MetricFilters.patternAlarmedBy("SealHoleAlarm", "SealFunction");
        index.put("2026-05-03T06", List.of(Map.of("attemptId", "a".repeat(64), "decision", "AUTHORIZED")));
        String healthy = LogCapture.productionLogsOf(() -> sealer("2026-05-03T09:05:00Z").sealDue());
        archive.hours.remove("2026-05-03T07");
        table.remove("2026-05-03T07#0");

        String withHole = LogCapture.productionLogsOf(() -> sealer("2026-05-03T10:05:00Z").sealDue());

        assertEquals(List.of(), healthy.lines().filter(l -> CloudWatchJsonFilter.matches(pattern, l)).toList(), healthy);
        assertEquals(1, withHole.lines().filter(l -> CloudWatchJsonFilter.matches(pattern, l)).count(), withHole);
    }

    private Sealer sealer(String now) {
        var signer = LocalKeyFileSigner.createIfMissing(dir.resolve("key.pem"));
        return new Sealer(period -> index.getOrDefault(period, List.of()), new InMemorySealStore(table), archive,
                new EvidenceSigning(signer), Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }
}
