package com.biometriclogger.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.biometriclogger.config.Settings;
import com.biometriclogger.decision.DecisionFlow;
import com.biometriclogger.decision.DecisionReport;
import com.biometriclogger.decision.EventRecord;
import com.biometriclogger.decision.Invocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crac.Core;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point: an adapter from S3 notifications to {@link DecisionFlow}.
 *
 * <p>It takes the event as the runtime parses any JSON object (maps, lists, strings, numbers), not
 * as the events library's {@code S3Event}: that one reads every other object as an event with no
 * records, so an EventBridge event, an SQS or SNS envelope and an {@code s3:TestEvent} all looked
 * the same and "succeeded" with nothing audited. {@link S3EventUploads} tells them apart.
 */
public final class DecisionHandler implements RequestHandler<Map<String, Object>, DecisionReport> {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionHandler.class);

    private final DecisionFlow verifier;
    /** Held, never read: a CRaC context need not keep its resources reachable. */
    @SuppressWarnings("UnusedVariable")
    private final Optional<SnapStartPriming> priming;

    /** Lambda: configuration validated, clients built and priming registered once per container. */
    public DecisionHandler() {
        this(Wiring.verificationFunction(Settings.fromEnvironment(System.getenv()), Wiring.Seams.NONE));
    }

    /** The function as Lambda builds it, from another environment (local stand-ins), with seams for tests. */
    public static DecisionHandler fromEnvironment(Map<String, String> env, Wiring.Seams seams) {
        return new DecisionHandler(Wiring.verificationFunction(Settings.fromEnvironment(env), seams));
    }

    public static DecisionHandler fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, Wiring.Seams.NONE);
    }

    public DecisionHandler(DecisionFlow verifier) {
        this.verifier = verifier;
        this.priming = Optional.empty();
    }

    /** Registers the priming; without SnapStart (no CRaC in the JVM) registering does nothing. */
    private DecisionHandler(Wiring.VerificationFunction function) {
        this.verifier = function.flow();
        this.priming = Optional.of(function.priming());
        Core.getGlobalContext().register(function.priming());
    }

    /**
     * @throws MalformedEventException when the event is not an S3 notification (after an ERROR line
     *                                 naming what arrived): Lambda retries it, then hands it to the
     *                                 on-failure destination
     */
    @Override
    public DecisionReport handleRequest(Map<String, Object> event, Context context) {
        List<EventRecord> records;
        try {
            records = S3EventUploads.from(event);
        } catch (MalformedEventException notS3) {
            LOG.atError().addKeyValue("requestId", context.getAwsRequestId())
                    .log("the invocation fails: {}", notS3.getMessage());
            throw notS3;
        }
        if (records.isEmpty()) {
            LOG.info("an {} (sent when the bucket's notifications are configured): nothing to verify", S3EventUploads.TEST_EVENT);
        }
        return verifier.decideAll(records, new Invocation(context.getAwsRequestId(), context.getFunctionVersion(),
                context::getRemainingTimeInMillis));
    }
}
