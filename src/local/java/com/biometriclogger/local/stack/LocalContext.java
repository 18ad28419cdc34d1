package com.biometriclogger.local.stack;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The Lambda context as the runtime fills it for one invocation, for runs outside Lambda: its
 * remaining time counts down from the function's timeout as Lambda's does.
 *
 * @param deadlineNanos when the invocation's time is up, on {@link System#nanoTime()}'s clock
 */
public record LocalContext(String requestId, long deadlineNanos) implements Context {

    /** The function's timeout in template.yaml. */
    public static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(30);

    /** An invocation starting now, with the function's timeout. */
    public LocalContext(String requestId) {
        this(requestId, FUNCTION_TIMEOUT);
    }

    public LocalContext(String requestId, Duration timeout) {
        this(requestId, System.nanoTime() + timeout.toNanos());
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/biometric-logger-verify";
    }

    @Override
    public String getLogStreamName() {
        return "2026/11/24/[$LATEST]local";
    }

    @Override
    public String getFunctionName() {
        return "biometric-logger-verify";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:biometric-logger-verify";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.print(message);
            }

            @Override
            public void log(byte[] message) {
                System.out.print(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
