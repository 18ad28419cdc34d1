package com.biometriclogger.handler;

import com.biometriclogger.decision.EventRecord;
import com.biometriclogger.decision.ObjectVersion;
import com.biometriclogger.decision.UnreadableRecord;
import com.biometriclogger.decision.UploadedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads an S3 event notification as the Lambda runtime hands it over (the event's JSON as maps,
 * lists, strings and numbers) into domain records, one record at a time: a record that names no
 * upload becomes an {@link UnreadableRecord} saying which field is wrong, and its neighbours are
 * read as usual. Only the event as a whole not being an S3 notification stops everything.
 */
final class S3EventUploads {

    static final String TEST_EVENT = "s3:TestEvent";
    private static final int FIELDS_NAMED = 6;

    private S3EventUploads() {
    }

    /**
     * @return each record as an upload or as why it names none; empty for an {@code s3:TestEvent},
     *         which S3 sends when the bucket's notifications are configured
     * @throws MalformedEventException naming what arrived, when it is not an S3 notification: no
     *                                 retry will mend it, but failing lets Lambda hand it to the
     *                                 on-failure destination, where it is seen
     */
    static List<EventRecord> from(Map<String, ?> event) {
        if (event == null) {
            throw new MalformedEventException("the event is JSON null, not an S3 notification");
        }
        Object records = event.get("Records");
        if (records == null) {
            if (TEST_EVENT.equals(event.get("Event"))) {
                return List.of();
            }
            throw new MalformedEventException(withoutRecords(event));
        }
        if (!(records instanceof List<?> list) || list.isEmpty()) {
            throw new MalformedEventException("Records is " + kind(records) + ", not a list of S3 notification records");
        }
        List<EventRecord> read = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            read.add(record(list.get(i), i));
        }
        return read;
    }

    private static String withoutRecords(Map<String, ?> event) {
        if ("aws.s3".equals(event.get("source")) && event.containsKey("detail-type")) {
            return "an EventBridge event arrived (source aws.s3, detail-type '" + event.get("detail-type") + "'): this function"
                    + " takes the S3 event notifications the bucket sends it directly (template.yaml wires them), not an"
                    + " EventBridge rule's; point the rule elsewhere or remove it";
        }
        return "a JSON object without Records arrived (fields " + event.keySet().stream().limit(FIELDS_NAMED)
                .collect(Collectors.joining(", ")) + (event.size() > FIELDS_NAMED ? ", …" : "") + "): not an S3 event notification";
    }

    private static EventRecord record(Object raw, int index) {
        try {
            var record = object(raw, "the record");
            if ("aws:sns".equals(record.get("EventSource"))) {
                throw new Unreadable("is an SNS message (EventSource aws:sns): subscribe the function to the bucket's"
                        + " notifications directly, not through a topic");
            }
            String source = text(record, "eventSource", true);
            if (!"aws:s3".equals(source)) {
                throw new Unreadable("comes from eventSource " + source + ", not aws:s3"
                        + ("aws:sqs".equals(source) ? " (an SQS message: the function takes the bucket's notifications directly,"
                        + " not through a queue)" : ""));
            }
            String eventName = text(record, "eventName", true);
            var s3 = object(record.get("s3"), "s3");
            var bucket = object(s3.get("bucket"), "s3.bucket");
            var object = object(s3.get("object"), "s3.object");
            String versionId = text(object, "s3.object.versionId", false);
            String eTag = text(object, "s3.object.eTag", false);
            if (versionId.isEmpty() && eTag.isEmpty()) {
                throw new Unreadable("names neither s3.object.versionId nor s3.object.eTag: which upload it means cannot be"
                        + " known, and the object now under its key is not judged in its place");
            }
            return new UploadedImage(eventName,
                    new ObjectVersion(text(bucket, "s3.bucket.name", true), decodedKey(text(object, "s3.object.key", true)), versionId, eTag),
                    size(object), text(object, "s3.object.sequencer", false));
        } catch (Unreadable problem) {
            return new UnreadableRecord(index, problem.problem());
        }
    }

    /**
     * S3 encodes keys in notifications form-style ({@code +} for a space, UTF-8 percent-escapes).
     * Decoded strictly: a malformed escape or bytes that are not UTF-8 name no key S3 could hold.
     */
    static String decodedKey(String encoded) throws Unreadable {
        var bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (low < 0) {
                    throw new Unreadable("has s3.object.key " + encoded + " with a malformed percent-escape at character " + i);
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c == '+' ? ' ' : c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable("has s3.object.key " + encoded + " whose percent-escapes are not UTF-8");
        }
    }

    private static long size(Map<?, ?> object) throws Unreadable {
        Object size = object.get("size");
        if (size == null) {
            return 0;
        }
        if (!(size instanceof Number number)) {
            throw new Unreadable("has s3.object.size " + kind(size) + ", not a number");
        }
        return number.longValue();
    }

    private static Map<?, ?> object(@Nullable Object value, String field) throws Unreadable {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new Unreadable(value == null ? "has no " + field : "has " + field + " " + kind(value) + ", not an object");
    }

    /**
     * @param field    its path in the record, for the message; the map holds its last part
     * @param required whether an absent or empty value makes the record unreadable; else it reads as empty
     */
    private static String text(Map<?, ?> map, String field, boolean required) throws Unreadable {
        Object value = map.get(field.substring(field.lastIndexOf('.') + 1));
        if (value != null && !(value instanceof String)) {
            throw new Unreadable("has " + field + " " + kind(value) + ", not a string");
        }
        String text = value == null ? "" : (String) value;
        if (required && text.isEmpty()) {
            throw new Unreadable("has no " + field);
        }
        return text;
    }

    private static String kind(Object value) {
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }

    /** Why one record names no upload; becomes its {@link UnreadableRecord}. */
    static final class Unreadable extends Exception {
        private final String problem;

        Unreadable(String problem) {
            super(problem, null, false, false);
            this.problem = problem;
        }

        String problem() {
            return problem;
        }
    }
}
