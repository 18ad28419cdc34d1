package com.biometriclogger.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.biometriclogger.config.Settings;
import com.biometriclogger.decision.DecisionReport;
import com.biometriclogger.handler.DecisionHandler;
import com.biometriclogger.handler.Wiring;
import java.util.Map;

/**
 * The verification function as Lambda builds it, with a mark in the class-load log where its first
 * event begins. With {@code BENCH_PRIMING=on} it runs the SnapStart priming at the end of init, as
 * Lambda does before the snapshot, so the first event shows what a restored, primed JVM still loads.
 */
public final class MarkedHandler implements RequestHandler<Map<String, Object>, DecisionReport> {

    private final DecisionHandler handler;

    public MarkedHandler() {
        var function = Wiring.verificationFunction(Settings.fromEnvironment(System.getenv()), Wiring.Seams.NONE);
        if ("on".equals(System.getenv("BENCH_PRIMING"))) {
            function.priming().beforeCheckpoint(null);
        }
        handler = new DecisionHandler(function.flow());
    }

    @Override
    public DecisionReport handleRequest(Map<String, Object> event, Context context) {
        FirstEvent.mark();
        return handler.handleRequest(event, context);
    }

    /** Loaded when the first event arrives: every class after it in the log was loaded for that event. */
    static final class FirstEvent {
        private FirstEvent() {
        }

        static void mark() {
            // Loading this class is the mark.
        }
    }
}
