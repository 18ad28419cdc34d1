package com.biometriclogger.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.biometriclogger.config.ChangeAlarmSettings;
import com.biometriclogger.evidence.ChangeAlarm;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evidence tables' streams' adapter: one alert per MODIFY or REMOVE (the event source mapping's
 * filter keeps INSERTs away; any that arrive are ignored). A failure stops the batch at that record
 * and reports it, so Lambda retries from there and the alerts already published are not sent twice.
 */
public final class ChangeAlarmHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeAlarmHandler.class);

    private final StreamChanges changes;
    private final ChangeAlarm alarm;
    private final ChangeAlarm.AlertPublisher publisher;

    public ChangeAlarmHandler() {
        this(Wiring.changeAlarm(ChangeAlarmSettings.fromEnvironment(System.getenv())));
    }

    /** The function as Lambda builds it, from another environment (local stand-ins, tests). */
    public static ChangeAlarmHandler fromEnvironment(Map<String, String> env) {
        return new ChangeAlarmHandler(Wiring.changeAlarm(ChangeAlarmSettings.fromEnvironment(env)));
    }

    ChangeAlarmHandler(Wiring.ChangeAlarmFunction function) {
        this.changes = new StreamChanges(function.tablesByName());
        this.alarm = function.alarm();
        this.publisher = function.publisher();
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        for (var record : event.getRecords()) {
            try {
                alarm.alertFor(changes.from(record)).ifPresent(alert -> {
                    publisher.publish(alert);
                    LOG.atWarn().addKeyValue("alert", alert.verdict().name()).addKeyValue("table", alert.table().name())
                            .addKeyValue("key", alert.key()).log(alert.message());
                });
            } catch (RuntimeException e) {
                String sequence = record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
                LOG.atError().setCause(e).addKeyValue("eventId", record.getEventID()).addKeyValue("sequenceNumber", sequence)
                        .log("could not raise the alert for stream record {}; Lambda retries from it", record.getEventID());
                return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(sequence)));
            }
        }
        return new StreamsEventResponse(List.of());
    }
}
