package com.biometriclogger.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.biometriclogger.decision.AuditItem;
import com.biometriclogger.decision.AuditLog;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.template.CloudWatchJsonFilter;
import com.biometriclogger.template.MetricFilters;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.LogCapture;
import com.biometriclogger.testing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The lockout with the real handler on the local stack, its defaults (5 failures in 15 minutes), and time moved
 * through the handler's clock seam: the boundary, the window's end, what is not counted, and how many
 * failures concurrent containers let through.
 */
@ExtendWith(LocalStackExtension.class)
class LockoutIT {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final String NO_MATCH = "compare-no-match.json";
    private static final String MATCH = "compare-match.json";

    private final AtomicLong seeds = new AtomicLong(9100);
    private Scenario scenario;
    private int uploads;

    @BeforeEach
    void enrolAlice(Scenario scenario) {
        this.scenario = scenario;
        enrol("alice");
    }

    @Test
    void fourFailuresLeaveTheSubjectAllowedAndTheFifthLocksItOutComparingNothing() {
        for (int i = 1; i <= 4; i++) {
            assertEquals("UNAUTHORIZED NO_MATCH " + (i - 1), outcome(attempt("alice", T0.plusSeconds(i), NO_MATCH)));
        }

        assertEquals("AUTHORIZED  4", outcome(attempt("alice", T0.plusSeconds(5), MATCH)));
        assertEquals("UNAUTHORIZED NO_MATCH 4", outcome(attempt("alice", T0.plusSeconds(6), NO_MATCH)));
        var locked = attempt("alice", T0.plusSeconds(7), MATCH);

        assertEquals("UNAUTHORIZED LOCKED_OUT 5", outcome(locked));
        assertEquals(List.of("", "", "", "5", "900"), List.of(locked.get("faceCount"), locked.get("similarity"),
                locked.get("referenceKey"), locked.get("lockoutLimit"), locked.get("lockoutWindowSeconds")),
                "a locked-out upload is compared with nothing");
        assertEquals("alice", locked.get("subjectId"));
        assertEquals(null, locked.get("failedSubjectId"), "a lockout is not itself a failure");
        enrol("bob");
        assertEquals("AUTHORIZED  0", outcome(attempt("bob", T0.plusSeconds(8), MATCH)), "another subject is not locked out");
    }

    @Test
    void theLockoutEndsWhenTheOldestCountedFailureIsAWindowOld() {
        for (int i = 1; i <= 5; i++) {
            attempt("alice", T0.plusSeconds(i), NO_MATCH);
        }
        var firstFailure = T0.plusSeconds(1);

        assertEquals("UNAUTHORIZED LOCKED_OUT 5",
                outcome(attempt("alice", firstFailure.plus(Duration.ofMinutes(15)).minusMillis(1), MATCH)));
        assertEquals("AUTHORIZED  4", outcome(attempt("alice", firstFailure.plus(Duration.ofMinutes(15)), MATCH)));
        assertEquals("AUTHORIZED  0", outcome(attempt("alice", T0.plusSeconds(5).plus(Duration.ofMinutes(15)), MATCH)));
    }

    @Test
    void facesNotFoundAreNotFailuresTheLockoutCounts() {
        for (int i = 1; i <= 6; i++) {
            byte[] blank = TestImages.jpeg(seeds.incrementAndGet());
            scenario.faces().respond(blank, "no-face.json");
            String key = "uploads/alice/blank" + i + ".jpg";
            Scenario.invoke(handlerAt(T0.plusSeconds(i)), S3Events.event(scenario.upload(key, blank)));
            assertEquals("UNAUTHORIZED NO_FACE 0", outcome(item(key)));
        }
        for (int i = 7; i <= 10; i++) {
            attempt("alice", T0.plusSeconds(i), NO_MATCH);
        }

        assertEquals("AUTHORIZED  4", outcome(attempt("alice", T0.plusSeconds(11), MATCH)));
    }

    /** The lockout alarm's filter, over the function's production log lines: one lockout moves it, failures do not. */
    @Test
    void eachLockoutAndNothingElseMovesTheLockoutAlarm() {
        String logs = LogCapture.productionLogsOf(() -> {
            for (int i = 1; i <= 5; i++) {
                attempt("alice", T0.plusSeconds(i), NO_MATCH);
            }
            attempt("alice", T0.plusSeconds(6), MATCH);
        });

        String pattern = MetricFilters.patternAlarmedBy("LockoutAlarm", "VerifyFunction");
        var moving = logs.lines().filter(line -> CloudWatchJsonFilter.matches(pattern, line)).toList();
        assertEquals(1, moving.size(), logs);
        assertEquals(true, moving.get(0).contains("\"level\":\"INFO\""), moving.get(0));
    }

    /**
     * The worst case: every container counts before any of them writes (an index read that does not yet see the
     * others' failures is the same case). With 4 failures recorded, each of C concurrent attempts counts 4 and is
     * compared, so a window holds at most limit - 1 + C failures; reserved concurrency bounds C.
     */
    @Test
    void concurrentAttemptsThatAllCountBeforeAnyWritesSlipThroughUpToTheirConcurrency() throws Exception {
        for (int i = 1; i <= 4; i++) {
            attempt("alice", T0.plusSeconds(i), NO_MATCH);
        }
        int containers = 4;
        var allCounted = new CyclicBarrier(containers);
        ExecutorService pool = Executors.newFixedThreadPool(containers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < containers; c++) {
                var handler = handlerWithBarrier(T0.plusSeconds(10), allCounted);
                var event = S3Events.event(scenario.upload(nextKey("alice"), comparedAs(NO_MATCH)));
                running.add(pool.submit(() -> Scenario.invoke(handler, event)));
            }
            for (var future : running) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        var failures = decisionsOf("alice").stream().filter(item -> "NO_MATCH".equals(item.get("reasons"))).toList();
        assertEquals(4 + containers, failures.size(), "limit - 1 + concurrency failures, no more");
        assertEquals(List.of("4", "4", "4", "4"), failures.stream().skip(4).map(item -> item.get("failuresCounted")).toList());
        assertEquals("UNAUTHORIZED LOCKED_OUT 5", outcome(attempt("alice", T0.plusSeconds(11), MATCH)));
    }

    private void enrol(String subject) {
        Scenario.invoke(handlerAt(T0), S3Events.event(scenario.upload("references/" + subject + ".jpg", face())));
    }

    private DecisionHandler handlerAt(Instant at) {
        return scenario.handlerAt(at, Map.of("VERIFICATION_MODE", "MATCH"));
    }

    /** A container whose write waits until every other container has counted and judged too. */
    private DecisionHandler handlerWithBarrier(Instant at, CyclicBarrier allCounted) {
        Map<String, String> env = new HashMap<>(scenario.environment());
        env.put("VERIFICATION_MODE", "MATCH");
        return DecisionHandler.fromEnvironment(env, Wiring.Seams.NONE.withClock(Clock.fixed(at, ZoneOffset.UTC))
                .withAuditLog(real -> new AuditLog() {
                    @Override
                    public boolean recordOnce(AuditItem item) {
                        try {
                            allCounted.await(5, TimeUnit.MINUTES);
                        } catch (Exception e) {
                            throw new IllegalStateException("the containers did not all reach their write", e);
                        }
                        return real.recordOnce(item);
                    }

                    @Override
                    public boolean contains(String attemptId) {
                        return real.contains(attemptId);
                    }
                }));
    }

    private Map<String, String> attempt(String subject, Instant at, String comparison) {
        String key = nextKey(subject);
        Scenario.invoke(handlerAt(at), S3Events.event(scenario.upload(key, comparedAs(comparison))));
        return item(key);
    }

    private String nextKey(String subject) {
        return "uploads/" + subject + "/" + ++uploads + ".jpg";
    }

    private byte[] face() {
        byte[] image = TestImages.jpeg(seeds.incrementAndGet());
        scenario.faces().respond(image, "one-clear-face.json");
        return image;
    }

    private byte[] comparedAs(String comparison) {
        byte[] image = face();
        scenario.faces().respondToComparison(image, comparison);
        return image;
    }

    /** "DECISION REASONS FAILURES_COUNTED". */
    private static String outcome(Map<String, String> item) {
        return item.get("decision") + " " + item.get("reasons") + " " + item.get("failuresCounted");
    }

    private Map<String, String> item(String key) {
        return scenario.auditItems().stream().map(Scenario::asStrings).filter(i -> key.equals(i.get("objectKey")))
                .findFirst().orElseThrow(() -> new AssertionError("no item for " + key));
    }

    /** The subject's upload decisions in the order they were decided. */
    private List<Map<String, String>> decisionsOf(String subject) {
        return scenario.auditItems().stream().map(Scenario::asStrings)
                .filter(i -> i.getOrDefault("objectKey", "").startsWith("uploads/" + subject + "/"))
                .sorted((a, b) -> a.get("decidedAtEpochMillis").compareTo(b.get("decidedAtEpochMillis"))).toList();
    }
}
