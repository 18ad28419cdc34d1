package com.biometriclogger.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.decision.AuditLog;
import com.biometriclogger.decision.DecisionReport;
import com.biometriclogger.decision.DecisionReport.Outcome;
import com.biometriclogger.decision.RetryableDecisionException;
import com.biometriclogger.local.stack.FaultyHttpProxy;
import com.biometriclogger.local.stack.FaultyHttpProxy.Fault;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.LogCapture;
import com.biometriclogger.testing.Scenario;
import com.biometriclogger.util.Sha256;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The promise: every upload ends as exactly one audit item, however often and however concurrently its event is
 * delivered, and whatever crashed or timed out in between. Faults are injected at the wire ({@link FaultyHttpProxy})
 * or at a named seam of our own ({@link AuditLog}), never by mocking the SDK.
 */
class OneItemPerUploadIT extends UploadScenario {

    @Test
    @DisplayName("case 1: the same event delivered twice makes one item; the second invocation succeeds and logs DUPLICATE")
    void sameEventTwiceIsOneItem() {
        var event = S3Events.event(scenario.upload("uploads/alice/selfie.jpg", clearFace(1001)));

        scenario.invoke(event);
        String logs = LogCapture.productionLogsOf(() -> assertEquals(List.of(Outcome.DUPLICATE), outcomes(scenario.invoke(event))));

        assertEquals(1, scenario.auditItems().size());
        assertTrue(logs.contains("\"outcome\":\"DUPLICATE\"") && logs.contains("DUPLICATE: this upload was already audited"), logs);
    }

    @Test
    @DisplayName("case 2: the same event delivered concurrently to two containers makes one item; the loser succeeds")
    void concurrentDeliveriesMakeOneItem() throws Exception {
        ExecutorService containers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                var event = S3Events.event(scenario.upload("uploads/race/" + round + ".jpg", clearFace(1100 + round)));
                DecisionHandler first = scenario.handler();
                DecisionHandler second = scenario.handler();
                var start = new CyclicBarrier(2);
                Future<DecisionReport> a = containers.submit(() -> {
                    start.await();
                    return Scenario.invoke(first, event);
                });
                Future<DecisionReport> b = containers.submit(() -> {
                    start.await();
                    return Scenario.invoke(second, event);
                });
                Set<Outcome> outcomes = Set.of(a.get().results().get(0).outcome(), b.get().results().get(0).outcome());
                assertEquals(Set.of(Outcome.AUDITED, Outcome.DUPLICATE), outcomes, "round " + round);
            }
        } finally {
            containers.shutdownNow();
        }
        assertEquals(10, scenario.auditItems().size());
    }

    @Test
    @DisplayName("case 3: a redelivery hours later, after newer uploads of the same key, still finds its one item")
    void lateRedeliveryAfterNewerVersions() {
        byte[] first = clearFace(1201);
        var original = S3Events.event(scenario.upload("uploads/alice/door.jpg", first));
        scenario.invoke(original);
        scenario.invoke(S3Events.event(scenario.upload("uploads/alice/door.jpg", clearFace(1202))));
        scenario.invoke(S3Events.event(scenario.upload("uploads/alice/door.jpg", clearFace(1203))));

        var late = scenario.invoke(original);

        assertEquals(List.of(Outcome.DUPLICATE), outcomes(late));
        var items = scenario.auditItems();
        assertEquals(3, items.size());
        String versionId = original.getRecords().get(0).getS3().getObject().getVersionId();
        var forOriginal = items.stream().map(Scenario::asStrings).filter(i -> i.get("versionId").equals(versionId)).toList();
        assertEquals(1, forOriginal.size());
        assertEquals(Sha256.hex(first), forOriginal.get(0).get("sha256"));
    }

    @Test
    @DisplayName("case 4: a crash after DetectFaces and before the write, then the retry: one item, decided from the same bytes")
    void crashBeforeTheWriteThenRetry() {
        byte[] selfie = clearFace(1301);
        var event = S3Events.event(scenario.upload("uploads/alice/selfie.jpg", selfie));
        int detectCallsBefore = scenario.stack().rekognition().callCount("DetectFaces");

        var crashing = handlerWithAuditLog(crashOnceBeforeWriting());
        assertThrows(RetryableDecisionException.class, () -> Scenario.invoke(crashing, event));
        assertEquals(0, scenario.auditItems().size());

        assertEquals(List.of(Outcome.AUDITED), outcomes(scenario.invoke(event)));
        var item = scenario.onlyAuditItem();
        assertEquals(Sha256.hex(selfie), item.get("sha256"));
        assertEquals("AUTHORIZED", item.get("decision"));
        assertEquals(detectCallsBefore + 2, scenario.stack().rekognition().callCount("DetectFaces"));
    }

    @Test
    @DisplayName("case 5: a DynamoDB write that times out but succeeded, then the SDK's retry: one item, the invocation succeeds")
    void writeThatTimedOutButSucceeded() {
        try (var proxy = FaultyHttpProxy.start(scenario.stack().dynamoDbEndpoint())) {
            proxy.failNext(op -> op.endsWith(".PutItem"), Fault.dropAfterForwarding());
            var handler = scenario.handler(Map.of("AWS_ENDPOINT_URL_DYNAMODB", proxy.endpoint().toString()));
            byte[] selfie = clearFace(1401);

            var report = Scenario.invoke(handler, S3Events.event(scenario.upload("uploads/alice/selfie.jpg", selfie)));

            assertEquals(1, proxy.faultsInjected());
            assertEquals(List.of(Outcome.DUPLICATE), outcomes(report));
            var item = scenario.onlyAuditItem();
            assertEquals("AUTHORIZED", item.get("decision"));
            assertEquals(Sha256.hex(selfie), item.get("sha256"));
        }
    }

    /** A seam of our own: the audit log of a container that dies once, after DetectFaces, before writing. */
    private static UnaryOperator<AuditLog> crashOnceBeforeWriting() {
        var crashed = new AtomicBoolean();
        return real -> new AuditLog() {
            @Override
            public boolean recordOnce(com.biometriclogger.decision.AuditItem item) {
                if (crashed.compareAndSet(false, true)) {
                    throw new IllegalStateException("container stopped after DetectFaces, before the write");
                }
                throw new AssertionError("the crashing container is used once");
            }

            @Override
            public boolean contains(String attemptId) {
                return real.contains(attemptId);
            }
        };
    }

    private DecisionHandler handlerWithAuditLog(UnaryOperator<AuditLog> auditLog) {
        return DecisionHandler.fromEnvironment(scenario.environment(), Wiring.Seams.NONE.withAuditLog(auditLog));
    }
}
