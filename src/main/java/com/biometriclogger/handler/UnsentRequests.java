package com.biometriclogger.handler;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.AwsServiceClientConfiguration;
import software.amazon.awssdk.core.SdkServiceClientConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbServiceClientConfiguration;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/**
 * Requests the SDK prepares in full and never sends: validated, marshalled, routed by the endpoint
 * rules, checksummed and SigV4-signed, then stopped in {@code beforeTransmission}, before a
 * connection is opened. They are signed with throw-away credentials, so priming never asks the
 * execution role's credential endpoint for anything either.
 */
final class UnsentRequests {

    /** Put on a request (or handed to {@link #drive}) to keep it in the process. */
    static final AwsRequestOverrideConfiguration UNSENT = AwsRequestOverrideConfiguration.builder()
            .addPlugin(UnsentRequests::stopBeforeSending)
            .build();

    private static final ExecutionInterceptor STOP = new ExecutionInterceptor() {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            throw new Stopped();
        }
    };

    private UnsentRequests() {
    }

    /**
     * The function's DynamoDB client with every request it is given marked {@link #UNSENT}: how the
     * Enhanced Client's own requests, which take no override, are kept in the process.
     */
    static DynamoDbClient dynamoDb(DynamoDbClient client) {
        return new DynamoDbClient() {
            @Override
            public PutItemResponse putItem(PutItemRequest request) {
                return client.putItem(request.toBuilder().overrideConfiguration(UNSENT).build());
            }

            @Override
            public GetItemResponse getItem(GetItemRequest request) {
                return client.getItem(request.toBuilder().overrideConfiguration(UNSENT).build());
            }

            @Override
            public DynamoDbServiceClientConfiguration serviceClientConfiguration() {
                return client.serviceClientConfiguration();
            }

            @Override
            public String serviceName() {
                return client.serviceName();
            }

            @Override
            public void close() {
                // The function's client outlives priming.
            }
        };
    }

    /** Thrown where the request would have left: the expected end of every primed call. */
    static final class Stopped extends RuntimeException {
        private Stopped() {
            super("primed, not sent", null, false, false);
        }
    }

    /**
     * Runs one primed call, which must end in {@link Stopped}. A call that returns was answered, so
     * a request left the process: that fails the checkpoint rather than pass unnoticed.
     */
    static void drive(String operation, Runnable call) {
        try {
            call.run();
        } catch (Stopped expected) {
            return;
        }
        throw new IllegalStateException("SnapStart priming sent " + operation + ": a primed request must never leave the process");
    }

    private static void stopBeforeSending(SdkServiceClientConfiguration.Builder config) {
        config.overrideConfiguration(config.overrideConfiguration().toBuilder().addExecutionInterceptor(STOP).build());
        ((AwsServiceClientConfiguration.Builder) config).credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("SNAPSTARTPRIMING", "never-sent")));
    }
}
