package com.biometriclogger.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one declared list of what a function's log line may hold: each field name with the shape its
 * value must have. A line with any other field, or a value of another shape, is a finding; so a face
 * box logged under a new name ({@code "faceArea":"0.38,0.2,0.31,0.44"}) or smuggled into a known one
 * fails whatever words it uses. docs/threat-model.md says what the list lets through.
 */
public final class LogFields {

    /** A value's JSON type and, for a String, the pattern it must match in full. */
    public record Shape(boolean number, Pattern pattern) {

        static Shape text(String regex) {
            return new Shape(false, Pattern.compile(regex));
        }

        static Shape integer() {
            return new Shape(true, Pattern.compile("-?\\d{1,19}"));
        }

        boolean admits(JsonNode value) {
            return (number ? value.isIntegralNumber() : value.isTextual() && screened(value.asText()))
                    && pattern.matcher(value.asText()).matches();
        }
    }

    /** Four or more numbers in a list: a box, a landmark, a pose, an embedding. */
    private static final Pattern FIGURES = Pattern.compile("-?\\d+(\\.\\d+)?(\\s*[,;]\\s*-?\\d+(\\.\\d+)?){3}");
    /** Image bytes or any other blob as base64; a hex digest (an attempt id, a SHA-256) is let through. */
    private static final Pattern BLOB = Pattern.compile("[A-Za-z0-9+/]{64,}={0,2}");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    /** Free text (a message, an exception, an object key): any characters, screened like every String. */
    private static final Shape FREE_TEXT = Shape.text("(?s).*");
    private static final Shape CODE = Shape.text("[A-Z][A-Z0-9_]*");
    private static final Shape HEX_DIGEST = Shape.text("[0-9a-f]{64}|");
    private static final Shape DIGITS = Shape.text("\\d{0,19}");
    private static final Shape OBJECT_VERSION = Shape.text("[A-Za-z0-9._+=-]{1,1024}");
    private static final Shape SEAL_PERIOD = Shape.text("\\d{4}-\\d{2}-\\d{2}T\\d{2}");

    public static final Map<String, Shape> DECLARED = Map.ofEntries(
            Map.entry("timestamp", Shape.text("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z")),
            Map.entry("level", Shape.text("TRACE|DEBUG|INFO|WARN|ERROR")),
            Map.entry("logger", Shape.text("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*")),
            Map.entry("message", FREE_TEXT),
            Map.entry("exception", FREE_TEXT),
            // The invocation's upload (MDC); a change alarm's "key" is the changed item's id or seal key.
            Map.entry("requestId", Shape.text("[A-Za-z0-9-]{1,128}")),
            Map.entry("bucket", Shape.text("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")),
            Map.entry("key", FREE_TEXT),
            Map.entry("versionId", OBJECT_VERSION),
            // A decision's outcome line.
            Map.entry("outcome", CODE),
            Map.entry("attemptId", Shape.text("[a-z0-9-]{1,80}")),
            Map.entry("sha256", HEX_DIGEST),
            Map.entry("sizeBytes", DIGITS),
            Map.entry("decision", CODE),
            Map.entry("reasons", Shape.text("([A-Z][A-Z0-9_]*(,[A-Z][A-Z0-9_]*)*)?")),
            Map.entry("reason", CODE),
            Map.entry("faceCount", DIGITS),
            Map.entry("readMs", Shape.integer()),
            Map.entry("detectMs", Shape.integer()),
            Map.entry("writeMs", Shape.integer()),
            Map.entry("totalMs", Shape.integer()),
            // A failed record or batch.
            Map.entry("error", Shape.text("[A-Za-z_$][\\w$]*")),
            Map.entry("record", Shape.integer()),
            Map.entry("recordsNotStarted", Shape.integer()),
            Map.entry("remainingMillis", Shape.integer()),
            // An unusable enrolment.
            Map.entry("referenceKey", FREE_TEXT),
            Map.entry("referenceVersionId", OBJECT_VERSION),
            // The sealer's and the change alarm's alerts.
            Map.entry("alert", CODE),
            Map.entry("period", SEAL_PERIOD),
            Map.entry("holes", Shape.text("\\[(\\d{4}-\\d{2}-\\d{2}T\\d{2}(, )?)*]")),
            Map.entry("table", Shape.text("[A-Za-z0-9_.-]{3,255}")),
            Map.entry("eventId", Shape.text("[A-Za-z0-9-]{1,128}")),
            Map.entry("sequenceNumber", DIGITS));

    private static final ObjectMapper JSON = new ObjectMapper();

    private LogFields() {
    }

    /** Each way the lines break the list, one finding per field; empty when every line keeps to it. */
    public static List<String> violations(String lines) {
        List<String> found = new ArrayList<>();
        lines.lines().filter(line -> !line.isBlank()).forEach(line -> found.addAll(violationsOf(line)));
        return found;
    }

    /** What no String value may hold, whatever its field: a blob or a list of figures. */
    static boolean screened(String value) {
        if (FIGURES.matcher(value).find()) {
            return false;
        }
        var blobs = BLOB.matcher(value);
        while (blobs.find()) {
            if (!HEX.matcher(blobs.group()).matches()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> violationsOf(String line) {
        JsonNode object;
        try {
            object = JSON.readTree(line);
        } catch (IOException e) {
            return List.of("not one JSON object: " + line);
        }
        if (object == null || !object.isObject()) {
            return List.of("not one JSON object: " + line);
        }
        List<String> found = new ArrayList<>();
        object.properties().forEach(field -> {
            var shape = DECLARED.get(field.getKey());
            if (shape == null) {
                found.add("undeclared field " + field.getKey() + " in " + line);
            } else if (!shape.admits(field.getValue())) {
                found.add("field " + field.getKey() + " of another shape than " + (shape.number() ? "an integer"
                        : shape.pattern().pattern()) + " in " + line);
            }
        });
        return found;
    }
}
