package com.biometriclogger.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.biometriclogger.config.Settings;
import com.biometriclogger.decision.DecisionFlow;
import com.biometriclogger.decision.Invocation;
import com.biometriclogger.decision.VerificationReport;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lambda entry point: an adapter from S3 notifications to {@link DecisionFlow}. */
public final class VerificationHandler implements RequestHandler<S3Event, VerificationReport> {

    private static final Logger LOG = LoggerFactory.getLogger(VerificationHandler.class);

    private final DecisionFlow verifier;

    /** Lambda: configuration validated and clients built once per container. */
    public VerificationHandler() {
        this(Wiring.decisionFlow(Settings.fromEnvironment(System.getenv()), Wiring.Seams.NONE));
    }

    /** The function as Lambda builds it, from another environment (local stand-ins), with seams for tests. */
    public static VerificationHandler fromEnvironment(Map<String, String> env, Wiring.Seams seams) {
        return new VerificationHandler(Wiring.decisionFlow(Settings.fromEnvironment(env), seams));
    }

    public static VerificationHandler fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, Wiring.Seams.NONE);
    }

    public VerificationHandler(DecisionFlow verifier) {
        this.verifier = verifier;
    }

    @Override
    public VerificationReport handleRequest(S3Event event, Context context) {
        var uploads = S3EventUploads.from(event);
        if (uploads.isEmpty()) {
            LOG.info("event has no records (an s3:TestEvent or an empty event): nothing to verify");
        }
        return verifier.decideAll(uploads, new Invocation(context.getAwsRequestId(), context.getFunctionVersion()));
    }
}
