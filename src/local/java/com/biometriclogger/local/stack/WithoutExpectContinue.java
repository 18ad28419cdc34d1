package com.biometriclogger.local.stack;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Uploads from this helper client skip {@code Expect: 100-continue}: through the URL-connection
 * client, a keep-alive connection the local server has meanwhile closed then fails as an
 * UncheckedIOException the SDK does not retry. The function under test never uploads.
 */
final class WithoutExpectContinue implements ExecutionInterceptor {
    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        return context.httpRequest().toBuilder().removeHeader("Expect").build();
    }
}
