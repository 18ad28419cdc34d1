package com.biometriclogger.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.biometriclogger.logging.JsonLineEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/**
 * Captures what the function logs, at the levels of src/main/resources/logback.xml, through its JSON
 * encoder, and fails unless every captured line keeps to {@link LogFields}: each test that captures
 * logs checks the allow-list on the lines it makes the functions write.
 */
public final class LogCapture {

    private LogCapture() {
    }

    public static String productionLogsOf(Runnable run) {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        var ours = context.getLogger("com.biometriclogger");
        var sdk = context.getLogger("software.amazon.awssdk");
        Level rootLevel = root.getLevel();
        Level oursLevel = ours.getLevel();
        Level sdkLevel = sdk.getLevel();
        var captured = new ByteArrayOutputStream();
        var encoder = new JsonLineEncoder();
        encoder.setContext(context);
        encoder.start();
        var appender = new OutputStreamAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(captured);
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.INFO);
        ours.setLevel(null);
        sdk.setLevel(Level.WARN);
        try {
            run.run();
        } finally {
            root.detachAppender(appender);
            appender.stop();
            root.setLevel(rootLevel);
            ours.setLevel(oursLevel);
            sdk.setLevel(sdkLevel);
        }
        String lines = captured.toString(StandardCharsets.UTF_8);
        var violations = LogFields.violations(lines);
        if (!violations.isEmpty()) {
            throw new AssertionError("log lines outside the declared fields and shapes (LogFields):\n"
                    + String.join("\n", violations));
        }
        return lines;
    }
}
