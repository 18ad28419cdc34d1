package com.biometriclogger.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.biometriclogger.config.SealSettings;
import com.biometriclogger.evidence.Sealer;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hourly schedule's adapter: the event carries nothing the sealer needs (it seals whatever is
 * due by the clock), so it is taken as a plain map rather than deserialised.
 */
public final class SealHandler implements RequestHandler<Map<String, Object>, Sealer.Report> {

    private static final Logger LOG = LoggerFactory.getLogger(SealHandler.class);

    private final Sealer sealer;

    public SealHandler() {
        this(Wiring.sealer(SealSettings.fromEnvironment(System.getenv()), Clock.systemUTC()));
    }

    /** The seal function as Lambda builds it, from another environment and clock (local stand-ins, tests). */
    public static SealHandler fromEnvironment(Map<String, String> env, Clock clock) {
        return new SealHandler(Wiring.sealer(SealSettings.fromEnvironment(env), clock));
    }

    SealHandler(Sealer sealer) {
        this.sealer = sealer;
    }

    @Override
    public Sealer.Report handleRequest(Map<String, Object> scheduledEvent, Context context) {
        var report = sealer.sealDue();
        LOG.info("sealed {} hour(s) {} covering {} audit item(s)", report.sealedPeriods().size(),
                report.sealedPeriods(), report.itemsSealed());
        return report;
    }
}
