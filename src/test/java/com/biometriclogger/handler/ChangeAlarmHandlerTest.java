package com.biometriclogger.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.biometriclogger.evidence.ChangeAlarm;
import com.biometriclogger.local.stack.LocalContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The handler on the sample stream event, as Lambda deserialises it: which records alert, and a failure's checkpoint. */
class ChangeAlarmHandlerTest {

    private static final String AUDIT = "biometric-logger-AuditTable-1A2B3C4D5E6F";
    private static final String SEALS = "biometric-logger-SealTable-6F5E4D3C2B1A";
    private static final Map<String, ChangeAlarm.Table> TABLES = Map.of(AUDIT, ChangeAlarm.Table.AUDIT, SEALS, ChangeAlarm.Table.SEALS);

    private final List<ChangeAlarm.Alert> published = new ArrayList<>();

    @Test
    void theModifyAndTheRemoveOfTheSampleEventRaiseOneAlertEachAndTheInsertNone() {
        var handler = handler(published::add);

        var response = handler.handleRequest(EventLoader.loadDynamoDbEvent("events/evidence-changes.json"), new LocalContext("r1"));

        assertEquals(List.of(), response.getBatchItemFailures());
        assertEquals(2, published.size(), published.toString());
        assertEquals(ChangeAlarm.Verdict.UNEXPECTED_MODIFY, published.get(0).verdict());
        assertEquals("62db31d99e517f1b271832aefc60b4146f47628bec62d78b5bda92ac15cd84f5", published.get(0).key());
        assertTrue(published.get(0).message().contains("changed attributes: decision, reasons."), published.get(0).message());
        assertTrue(published.get(0).message().contains("in table " + AUDIT), published.get(0).message());
        assertEquals(ChangeAlarm.Verdict.UNEXPECTED_REMOVE, published.get(1).verdict());
        assertEquals("UNEXPECTED_REMOVE of seal 2026-05-03T07#0", published.get(1).subject());
    }

    @Test
    void aPublishFailureReportsThatRecordSoLambdaRetriesFromItAndNotTheAlertsBefore() {
        var handler = handler(alert -> {
            if (alert.table() == ChangeAlarm.Table.SEALS) {
                throw new IllegalStateException("SNS throttled");
            }
            published.add(alert);
        });

        var response = handler.handleRequest(EventLoader.loadDynamoDbEvent("events/evidence-changes.json"), new LocalContext("r2"));

        assertEquals(List.of("222200000000000000000003"),
                response.getBatchItemFailures().stream().map(f -> f.getItemIdentifier()).toList());
        assertEquals(1, published.size(), "the MODIFY's alert went out once, before the failure");
    }

    @Test
    void aStreamOfAnotherTableIsADeploymentFaultNotASilentSkip() {
        var handler = new ChangeAlarmHandler(new Wiring.ChangeAlarmFunction(Map.of(AUDIT, ChangeAlarm.Table.AUDIT),
                new ChangeAlarm(id -> Optional.empty()), published::add));

        var response = handler.handleRequest(EventLoader.loadDynamoDbEvent("events/evidence-changes.json"), new LocalContext("r3"));

        assertEquals(List.of("222200000000000000000003"),
                response.getBatchItemFailures().stream().map(f -> f.getItemIdentifier()).toList());
    }

    private static ChangeAlarmHandler handler(ChangeAlarm.AlertPublisher publisher) {
        return new ChangeAlarmHandler(new Wiring.ChangeAlarmFunction(TABLES, new ChangeAlarm(id -> Optional.empty()), publisher));
    }
}
