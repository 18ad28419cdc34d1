package com.biometriclogger.cli;

import com.biometriclogger.aws.AwsAccess;
import com.biometriclogger.config.ConfigurationException;
import com.biometriclogger.config.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * Region, credentials and endpoints of a command-line tool, found as the AWS CLI finds them: keys in
 * {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY} (and {@code AWS_SESSION_TOKEN}), else the
 * profile {@code AWS_PROFILE} (or {@code default}) of {@code AWS_SHARED_CREDENTIALS_FILE} and
 * {@code AWS_CONFIG_FILE} (or {@code ~/.aws/credentials} and {@code ~/.aws/config}), resolved by the
 * SDK's own profile provider: keys, an assumed role ({@code role_arn} with {@code source_profile} or
 * {@code credential_source}) or a {@code credential_process}. The functions take none of this: their
 * credentials are the execution role's, in their environment.
 */
public final class CliAccess {

    /** What the SDK's profile provider turns into credentials (IAM Identity Center's sso_* needs a module we leave out). */
    private static final List<String> CREDENTIAL_PROPERTIES = List.of("aws_access_key_id", "role_arn", "credential_process");

    private CliAccess() {
    }

    static AwsAccess fromEnvironment(Map<String, String> env) {
        var withRegion = CliRegion.resolved(env);
        if (value(withRegion, "AWS_REGION").isEmpty()) {
            var profile = profile(env);
            throw new ConfigurationException("no region: AWS_REGION and AWS_DEFAULT_REGION are not set, and profile '"
                    + profile.name() + "' names none in " + profile.configFile() + " (run aws configure, or export AWS_REGION)");
        }
        if (value(env, "AWS_ACCESS_KEY_ID").isPresent() || value(env, "AWS_SECRET_ACCESS_KEY").isPresent()) {
            return Settings.awsAccess(withRegion);
        }
        var profile = profile(env);
        var found = profile.profileFile().profile(profile.name());
        if (found.isEmpty() || CREDENTIAL_PROPERTIES.stream().noneMatch(property -> found.get().property(property).isPresent())) {
            throw new ConfigurationException("no credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set, and "
                    + "profile '" + profile.name() + "'" + (value(env, "AWS_PROFILE").isPresent() ? " (AWS_PROFILE)" : "")
                    + (found.isEmpty() ? " is in neither " : " has no " + String.join(", ", CREDENTIAL_PROPERTIES) + " in ")
                    + profile.credentialsFile() + " nor " + profile.configFile() + " (run aws configure, or export the keys)");
        }
        return Settings.awsAccess(withRegion, new AwsAccess.Credentials.FromProfile(profile));
    }

    /**
     * The environment a function run by hand (the local {@code invoke}) gets: as in a Lambda
     * container, the region and the keys in variables, found as {@code verify} finds them, so a
     * profile's (an assumed role's too) are resolved now when no keys are exported.
     *
     * @throws ConfigurationException naming what is missing, as {@link #fromEnvironment} does
     */
    public static Map<String, String> asFunctionEnvironment(Map<String, String> env) {
        var access = fromEnvironment(env);
        Map<String, String> resolved = new HashMap<>(CliRegion.resolved(env));
        if (value(env, "AWS_ACCESS_KEY_ID").isEmpty()) {
            var keys = access.credentials().provider().resolveCredentials();
            resolved.put("AWS_ACCESS_KEY_ID", keys.accessKeyId());
            resolved.put("AWS_SECRET_ACCESS_KEY", keys.secretAccessKey());
            if (keys instanceof AwsSessionCredentials session) {
                resolved.put("AWS_SESSION_TOKEN", session.sessionToken());
            }
        }
        return resolved;
    }

    /** The files as the AWS CLI and the SDK find them: {@code ~} is {@code HOME} when set (the JVM's user.home is the passwd entry's). */
    static AwsAccess.Profile profile(Map<String, String> env) {
        String home = value(env, "HOME").orElse(System.getProperty("user.home"));
        return new AwsAccess.Profile(value(env, "AWS_PROFILE").orElse("default"),
                file(env, "AWS_CONFIG_FILE", home, "~/.aws/config"),
                file(env, "AWS_SHARED_CREDENTIALS_FILE", home, "~/.aws/credentials"));
    }

    private static Path file(Map<String, String> env, String variable, String home, String otherwise) {
        String named = value(env, variable).orElse(otherwise);
        return named.startsWith("~/") ? Path.of(home, named.substring(2)) : Path.of(named);
    }

    static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }
}
