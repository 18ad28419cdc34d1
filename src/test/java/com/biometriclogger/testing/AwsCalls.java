package com.biometriclogger.testing;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Every AWS call the code under test makes on this thread while {@link #during} runs, as the SDK
 * sends it (one per page, not per retry). Registered for every SDK client of the test JVM by
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}; it records nothing on other
 * threads or outside {@link #during}, and is not in the Lambda zip.
 */
public final class AwsCalls implements ExecutionInterceptor {

    private static final ThreadLocal<List<SdkRequest>> RECORDING = new ThreadLocal<>();

    /** The requests {@code action} sent, in order (a sync client calls interceptors on the caller's thread). */
    public static List<SdkRequest> during(Runnable action) {
        List<SdkRequest> calls = new ArrayList<>();
        RECORDING.set(calls);
        try {
            action.run();
        } finally {
            RECORDING.remove();
        }
        return List.copyOf(calls);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
        List<SdkRequest> calls = RECORDING.get();
        if (calls != null) {
            calls.add(context.request());
        }
    }
}
