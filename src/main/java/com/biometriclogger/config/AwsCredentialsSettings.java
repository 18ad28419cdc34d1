package com.biometriclogger.config;

/**
 * Where the clients take credentials from, decided once instead of walking the SDK's default
 * provider chain on every cold start.
 *
 * <p>Lambda puts the execution role's credentials in {@code AWS_ACCESS_KEY_ID} /
 * {@code AWS_SECRET_ACCESS_KEY} / {@code AWS_SESSION_TOKEN}; with SnapStart it serves them from
 * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} instead, because variables would be frozen in the
 * snapshot.
 */
public record AwsCredentialsSettings(Source source, String accessKeyId, String secretAccessKey, String sessionToken) {

    public enum Source { CONTAINER, ENVIRONMENT }

    static AwsCredentialsSettings from(Settings.Reader reader) {
        if (reader.optional("AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()) {
            return new AwsCredentialsSettings(Source.CONTAINER, null, null, null);
        }
        var accessKey = reader.optional("AWS_ACCESS_KEY_ID");
        var secretKey = reader.optional("AWS_SECRET_ACCESS_KEY");
        if (accessKey.isEmpty() || secretKey.isEmpty()) {
            reader.problem("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_CONTAINER_CREDENTIALS_FULL_URI) "
                    + "are required; Lambda sets them from the execution role");
            return new AwsCredentialsSettings(Source.ENVIRONMENT, null, null, null);
        }
        return new AwsCredentialsSettings(Source.ENVIRONMENT, accessKey.get(), secretKey.get(),
                reader.optional("AWS_SESSION_TOKEN").orElse(null));
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "AwsCredentialsSettings[source=" + source + ", accessKeyId=" + accessKeyId + "]";
    }
}
