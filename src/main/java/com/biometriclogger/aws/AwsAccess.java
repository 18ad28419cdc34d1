package com.biometriclogger.aws;

import java.net.URI;
import java.util.Optional;

/**
 * What the clients need to reach AWS (or local stand-ins): region, where credentials come from,
 * and endpoint overrides. Read from the environment by the configuration, not here.
 */
public record AwsAccess(String region, Credentials credentials, Endpoints endpoints) {

    /**
     * Where the clients take credentials from, decided once instead of walking the SDK's default
     * provider chain on every cold start.
     *
     * <p>Lambda puts the execution role's credentials in {@code AWS_ACCESS_KEY_ID} /
     * {@code AWS_SECRET_ACCESS_KEY} / {@code AWS_SESSION_TOKEN}; with SnapStart it serves them from
     * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} instead, because variables would be frozen in the
     * snapshot.
     */
    public record Credentials(Source source, String accessKeyId, String secretAccessKey, String sessionToken) {

        public enum Source { CONTAINER, ENVIRONMENT }

        /** Never prints the secret. */
        @Override
        public String toString() {
            return "Credentials[source=" + source + ", accessKeyId=" + accessKeyId + "]";
        }
    }

    /** Endpoint overrides for local stand-ins; empty means the service's regional AWS endpoint. */
    public record Endpoints(Optional<URI> s3, Optional<URI> dynamoDb, Optional<URI> rekognition, Optional<URI> kms,
                            Optional<URI> sns) {
    }
}
