package com.biometriclogger.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.biometriclogger.util.JsonStrings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * One flat JSON object per log line: timestamp, level, logger, message, then the MDC entries and
 * the event's key/value pairs as top-level fields.
 *
 * <p>Flat on purpose: CloudWatch Logs Insights and metric filters address fields as
 * {@code $.decision}; logback's own JsonEncoder nests key/value pairs in an array, which metric
 * filters cannot match reliably.
 */
public final class JsonLineEncoder extends EncoderBase<ILoggingEvent> {

    private static final byte[] NO_BYTES = new byte[0];

    @Override
    public byte[] headerBytes() {
        return NO_BYTES;
    }

    @Override
    public byte[] footerBytes() {
        return NO_BYTES;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        var json = new StringBuilder(256).append('{');
        field(json, "timestamp", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        field(json, "level", event.getLevel().toString());
        field(json, "logger", event.getLoggerName());
        field(json, "message", event.getFormattedMessage());
        for (Map.Entry<String, String> entry : event.getMDCPropertyMap().entrySet()) {
            field(json, entry.getKey(), entry.getValue());
        }
        if (event.getKeyValuePairs() != null) {
            event.getKeyValuePairs().forEach(pair -> field(json, pair.key, pair.value));
        }
        if (event.getThrowableProxy() != null) {
            field(json, "exception", ThrowableProxyUtil.asString(event.getThrowableProxy()));
        }
        json.setLength(json.length() - 1);
        return json.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder json, String name, Object value) {
        JsonStrings.appendQuoted(json, name).append(':');
        if (value instanceof Number || value instanceof Boolean) {
            json.append(value);
        } else if (value == null) {
            json.append("null");
        } else {
            JsonStrings.appendQuoted(json, value.toString());
        }
        json.append(',');
    }
}
