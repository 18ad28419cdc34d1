package com.biometriclogger.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.biometriclogger.aws.VerifierFactory;
import com.biometriclogger.config.Settings;
import com.biometriclogger.verify.ImageVerifier;
import com.biometriclogger.verify.Invocation;
import com.biometriclogger.verify.VerificationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lambda entry point: an adapter from S3 notifications to {@link ImageVerifier}. */
public final class VerificationHandler implements RequestHandler<S3Event, VerificationReport> {

    private static final Logger LOG = LoggerFactory.getLogger(VerificationHandler.class);

    private final ImageVerifier verifier;

    /** Lambda: configuration validated and clients built once per container. */
    public VerificationHandler() {
        this(VerifierFactory.create(Settings.fromEnvironment(System.getenv())));
    }

    public VerificationHandler(ImageVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public VerificationReport handleRequest(S3Event event, Context context) {
        var uploads = S3EventUploads.from(event);
        if (uploads.isEmpty()) {
            LOG.info("event has no records (an s3:TestEvent or an empty event): nothing to verify");
        }
        return verifier.verifyAll(uploads, new Invocation(context.getAwsRequestId(), context.getFunctionVersion()));
    }
}
