package com.biometriclogger.aws;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.profiles.ProfileFile;

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
     * snapshot. The command-line tools, run by a person, also take a named profile as the AWS CLI does.
     *
     * @param profile with {@link Source#PROFILE}, the profile whose credentials the SDK's own
     *                provider resolves (keys, an assumed role, a credential process); else null
     */
    public record Credentials(Source source, String accessKeyId, String secretAccessKey, String sessionToken,
                              Profile profile) {

        public enum Source { CONTAINER, ENVIRONMENT, PROFILE }

        public static Credentials fromProfile(Profile profile) {
            return new Credentials(Source.PROFILE, null, null, null, profile);
        }

        /** Never prints the secret. */
        @Override
        public String toString() {
            return "Credentials[source=" + source + (profile == null ? ", accessKeyId=" + accessKeyId
                    : ", profile=" + profile.name()) + "]";
        }
    }

    /**
     * A named profile of the AWS CLI's two files, which either may lack.
     *
     * @param configFile      {@code AWS_CONFIG_FILE}, else {@code ~/.aws/config}
     * @param credentialsFile {@code AWS_SHARED_CREDENTIALS_FILE}, else {@code ~/.aws/credentials}
     */
    public record Profile(String name, Path configFile, Path credentialsFile) {

        /** Both files as one, the credentials file's settings over the config file's, as the SDK merges them. */
        public ProfileFile profileFile() {
            var aggregator = ProfileFile.aggregator();
            Stream.of(configFile, credentialsFile).filter(Files::isRegularFile).forEach(file -> aggregator.addFile(
                    ProfileFile.builder().content(file).type(file.equals(configFile)
                            ? ProfileFile.Type.CONFIGURATION : ProfileFile.Type.CREDENTIALS).build()));
            return aggregator.build();
        }
    }

    /** Endpoint overrides for local stand-ins; empty means the service's regional AWS endpoint. */
    public record Endpoints(Optional<URI> s3, Optional<URI> dynamoDb, Optional<URI> rekognition, Optional<URI> kms,
                            Optional<URI> sns) {
    }
}
