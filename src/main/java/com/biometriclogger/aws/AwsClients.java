package com.biometriclogger.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Builds the SDK clients once per container: explicit region, credentials and the light
 * URL-connection HTTP client, so nothing is discovered at cold start.
 *
 * <p>Retry and time budget, per client (SDK "standard" strategy: exponential backoff with full
 * jitter, throttling and 5xx retried). The sums stay under the function's 30 s timeout, so a
 * persistent fault fails the invocation for Lambda to retry rather than timing it out mid-write.
 * <ul>
 *   <li>Rekognition: 5 attempts, 4 s per attempt, 12 s in all. Throttling is its common transient
 *       fault (per-account TPS quota) and worth riding out inside the invocation.</li>
 *   <li>S3: 3 attempts, 8 s per attempt (a 15 MB read), 10 s in all.</li>
 *   <li>DynamoDB: 3 attempts, 2 s per attempt, 5 s in all. A retried conditional put that had in
 *       fact succeeded reads as a duplicate, which is the safe answer.</li>
 * </ul>
 */
public final class AwsClients {

    private final AwsAccess settings;
    private final SdkHttpClient httpClient;
    private final AwsCredentialsProvider credentials;

    public AwsClients(AwsAccess settings) {
        this.settings = settings;
        this.httpClient = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(8))
                .build();
        this.credentials = settings.credentials().provider();
    }

    public S3Client s3() {
        var builder = configure(S3Client.builder(), settings.endpoints().s3(), 3, Duration.ofSeconds(8),
                Duration.ofSeconds(10));
        // Local S3-compatible servers answer on one host name, not per-bucket subdomains.
        settings.endpoints().s3().ifPresent(endpoint -> builder.forcePathStyle(true));
        return builder.build();
    }

    public RekognitionClient rekognition() {
        return configure(RekognitionClient.builder(), settings.endpoints().rekognition(), 5, Duration.ofSeconds(4),
                Duration.ofSeconds(12)).build();
    }

    public DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder(), settings.endpoints().dynamoDb(), 3, Duration.ofSeconds(2),
                Duration.ofSeconds(5)).build();
    }

    /** KMS Sign takes a few milliseconds; 3 attempts within 3 s keep the write inside the function's budget. */
    public KmsClient kms() {
        return configure(KmsClient.builder(), settings.endpoints().kms(), 3, Duration.ofSeconds(1),
                Duration.ofSeconds(3)).build();
    }

    /** One alert per change; 3 attempts within 5 s, then the batch fails and Lambda retries it. */
    public SnsClient sns() {
        return configure(SnsClient.builder(), settings.endpoints().sns(), 3, Duration.ofSeconds(2),
                Duration.ofSeconds(5)).build();
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>>
            B configure(B builder, Optional<URI> endpoint, int maxAttempts, Duration perAttempt, Duration total) {
        builder.region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .httpClient(httpClient)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(maxAttempts).build())
                        .apiCallAttemptTimeout(perAttempt)
                        .apiCallTimeout(total)
                        .build());
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }

}
