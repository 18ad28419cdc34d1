package com.biometriclogger.handler;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.biometriclogger.evidence.ChangeAlarm;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Turns a DynamoDB stream record into a {@link ChangeAlarm.Change}: which table, which item, what it held. */
final class StreamChanges {

    private static final String SERVICE_IDENTITY = "Service";

    private final Map<String, ChangeAlarm.Table> tablesByName;

    StreamChanges(Map<String, ChangeAlarm.Table> tablesByName) {
        this.tablesByName = Map.copyOf(tablesByName);
    }

    ChangeAlarm.Change from(DynamodbStreamRecord record) {
        String tableName = tableName(record.getEventSourceARN());
        var table = tablesByName.get(tableName);
        if (table == null) {
            throw new IllegalStateException("stream record from table " + tableName + ", which is none of " + tablesByName.keySet()
                    + ": the event source mapping and the function's environment disagree");
        }
        var stream = record.getDynamodb();
        if (stream == null || stream.getKeys() == null || stream.getKeys().size() != 1) {
            throw new IllegalStateException("stream record " + record.getEventID() + " carries no single partition key");
        }
        var identity = record.getUserIdentity();
        Optional<String> service = identity != null && SERVICE_IDENTITY.equals(identity.getType())
                ? Optional.ofNullable(identity.getPrincipalId()) : Optional.empty();
        return new ChangeAlarm.Change(table, tableName, ChangeAlarm.Operation.valueOf(record.getEventName()),
                text(stream.getKeys().values().iterator().next()), image(stream.getOldImage()), image(stream.getNewImage()), service);
    }

    /** {@code arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/stream/LABEL} → NAME. */
    static String tableName(String streamArn) {
        int start = streamArn == null ? -1 : streamArn.indexOf(":table/");
        int end = start < 0 ? -1 : streamArn.indexOf("/stream/", start);
        if (end < 0) {
            throw new IllegalStateException("not a DynamoDB stream ARN: " + streamArn);
        }
        return streamArn.substring(start + ":table/".length(), end);
    }

    private static Map<String, String> image(Map<String, AttributeValue> image) {
        var text = new LinkedHashMap<String, String>();
        if (image != null) {
            image.forEach((name, value) -> text.put(name, text(value)));
        }
        return text;
    }

    /** Every attribute we write is a String; anything else is shown with its type, so a retyping reads as a change. */
    private static String text(AttributeValue value) {
        return value.getS() != null ? value.getS() : "non-String " + value;
    }
}
