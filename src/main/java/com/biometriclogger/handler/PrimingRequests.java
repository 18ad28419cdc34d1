package com.biometriclogger.handler;

import java.net.URI;
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
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsServiceClientConfiguration;
import software.amazon.awssdk.services.kms.model.SignRequest;
import software.amazon.awssdk.services.kms.model.SignResponse;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.RekognitionServiceClientConfiguration;
import software.amazon.awssdk.services.rekognition.model.CompareFacesRequest;
import software.amazon.awssdk.services.rekognition.model.CompareFacesResponse;
import software.amazon.awssdk.services.rekognition.model.DetectFacesRequest;
import software.amazon.awssdk.services.rekognition.model.DetectFacesResponse;
import software.amazon.awssdk.services.s3.DelegatingS3Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Request;

/**
 * The function's own SDK clients, each request they are given redirected to the
 * {@link PrimingEndpoint} and signed with throw-away credentials: the SDK does all its work on the
 * request and the response, and nothing leaves the process. Two guards keep it so: a request about
 * to go anywhere but that endpoint is stopped before a connection is opened, and the throw-away
 * credentials and non-existent names ({@link SnapStartPriming#NEVER_SENT}) would be refused by AWS.
 * The function's credential provider is never asked, so no credentials end up in the snapshot.
 */
final class PrimingRequests {

    private final AwsRequestOverrideConfiguration override;

    PrimingRequests(URI endpoint) {
        ExecutionInterceptor onlyThere = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                var request = context.httpRequest();
                if (!endpoint.getHost().equals(request.host()) || endpoint.getPort() != request.port()) {
                    throw new IllegalStateException("SnapStart priming stopped a request to " + request.host()
                            + ": primed requests go only to the loopback priming endpoint");
                }
            }
        };
        this.override = AwsRequestOverrideConfiguration.builder()
                .addPlugin(config -> redirect(config, endpoint, onlyThere))
                .build();
    }

    private static void redirect(SdkServiceClientConfiguration.Builder config, URI endpoint, ExecutionInterceptor guard) {
        config.endpointOverride(endpoint);
        config.overrideConfiguration(config.overrideConfiguration().toBuilder().addExecutionInterceptor(guard).build());
        ((AwsServiceClientConfiguration.Builder) config).credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("SNAPSTARTPRIMING", "never-valid")));
    }

    S3Client s3(S3Client client) {
        return new DelegatingS3Client(client) {
            @Override
            @SuppressWarnings("unchecked")
            protected <T extends S3Request, R> R invokeOperation(T request, java.util.function.Function<T, R> operation) {
                return operation.apply((T) request.toBuilder().overrideConfiguration(override).build());
            }
        };
    }

    RekognitionClient rekognition(RekognitionClient client) {
        return new RekognitionClient() {
            @Override
            public DetectFacesResponse detectFaces(DetectFacesRequest request) {
                return client.detectFaces(request.toBuilder().overrideConfiguration(override).build());
            }

            @Override
            public CompareFacesResponse compareFaces(CompareFacesRequest request) {
                return client.compareFaces(request.toBuilder().overrideConfiguration(override).build());
            }

            @Override
            public RekognitionServiceClientConfiguration serviceClientConfiguration() {
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

    KmsClient kms(KmsClient client) {
        return new KmsClient() {
            @Override
            public SignResponse sign(SignRequest request) {
                return client.sign(request.toBuilder().overrideConfiguration(override).build());
            }

            @Override
            public KmsServiceClientConfiguration serviceClientConfiguration() {
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

    /** The Enhanced Client's requests take no override of their own: they get it here. */
    DynamoDbClient dynamoDb(DynamoDbClient client) {
        return new DynamoDbClient() {
            @Override
            public PutItemResponse putItem(PutItemRequest request) {
                return client.putItem(request.toBuilder().overrideConfiguration(override).build());
            }

            @Override
            public GetItemResponse getItem(GetItemRequest request) {
                return client.getItem(request.toBuilder().overrideConfiguration(override).build());
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
}
