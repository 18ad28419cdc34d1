package com.biometriclogger.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.biometriclogger.config.SealSettings;
import com.biometriclogger.evidence.OverdueReviews;
import com.biometriclogger.evidence.Sealer;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hourly schedule's adapter: the event carries nothing the sealer needs (it seals whatever is
 * due by the clock), so it is taken as a plain map rather than deserialised. After sealing it looks
 * for reviews overdue ({@link OverdueReviews}) in the hours those seals make due.
 */
public final class SealHandler implements RequestHandler<Map<String, Object>, Sealer.Report> {

    private static final Logger LOG = LoggerFactory.getLogger(SealHandler.class);

    private final Wiring.SealFunction function;

    public SealHandler() {
        this(Wiring.sealFunction(SealSettings.fromEnvironment(System.getenv()), Clock.systemUTC()));
    }

    /** The seal function as Lambda builds it, from another environment and clock (local stand-ins, tests). */
    public static SealHandler fromEnvironment(Map<String, String> env, Clock clock) {
        return new SealHandler(Wiring.sealFunction(SealSettings.fromEnvironment(env), clock));
    }

    SealHandler(Wiring.SealFunction function) {
        this.function = function;
    }

    @Override
    public Sealer.Report handleRequest(Map<String, Object> scheduledEvent, Context context) {
        var report = function.sealer().sealDue();
        LOG.info("sealed {} hour(s) {} covering {} audit item(s)", report.sealedPeriods().size(),
                report.sealedPeriods(), report.itemsSealed());
        function.overdueReviews().ifPresent(overdue -> overdue.check(report.sealedPeriods()));
        return report;
    }
}
