package com.biometriclogger.aws;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
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
     */
    public sealed interface Credentials {

        AwsCredentialsProvider provider();

        /** SnapStart: the execution role's credentials served at {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}. */
        record Container() implements Credentials {

            @Override
            public AwsCredentialsProvider provider() {
                return ContainerCredentialsProvider.builder().build();
            }
        }

        /** Keys given in the environment, as Lambda sets them from the execution role. */
        record Environment(String accessKeyId, String secretAccessKey, Optional<String> sessionToken)
                implements Credentials {

            @Override
            public AwsCredentialsProvider provider() {
                return StaticCredentialsProvider.create(sessionToken
                        .<AwsCredentials>map(token -> AwsSessionCredentials.create(accessKeyId, secretAccessKey, token))
                        .orElseGet(() -> AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
            }

            /** Never prints the secret. */
            @Override
            public String toString() {
                return "Environment[accessKeyId=" + accessKeyId + "]";
            }
        }

        /** A profile whose credentials the SDK's own provider resolves (keys, an assumed role, a credential process). */
        record FromProfile(Profile profile) implements Credentials {

            @Override
            public AwsCredentialsProvider provider() {
                return ProfileCredentialsProvider.builder().profileFile(profile.profileFile()).profileName(profile.name())
                        .build();
            }
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
