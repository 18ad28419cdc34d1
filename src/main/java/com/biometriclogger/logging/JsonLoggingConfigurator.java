package com.biometriclogger.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The function's logging set up in code rather than from logback.xml: one flat JSON line per event
 * on stdout (Lambda ships stdout to CloudWatch), root level from {@code LOG_LEVEL} (default INFO),
 * the SDK held at WARN so it never prints request or response bodies. Parsing XML with logback's
 * Joran costs a measurable part of a cold start; this costs next to nothing.
 *
 * <p>A {@code logback-test.xml} on the class path (tests, the local stack) still wins.
 */
public final class JsonLoggingConfigurator extends ContextAwareBase implements Configurator {

    /** Set to {@code true} by command-line tools whose stdout is their output (a report), not a log. */
    public static final String LOG_TO_STDERR = "biometriclogger.logToStderr";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (getClass().getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        var encoder = new JsonLineEncoder();
        encoder.setContext(context);
        encoder.start();
        var appender = new ConsoleAppender<ILoggingEvent>();
        appender.setContext(context);
        appender.setName("CONSOLE");
        appender.setTarget(Boolean.getBoolean(LOG_TO_STDERR) ? "System.err" : "System.out");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(System.getenv("LOG_LEVEL"), Level.INFO));
        root.addAppender(appender);
        context.getLogger("software.amazon.awssdk").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
