package com.biometriclogger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The region of a command-line tool, found as the AWS CLI finds it: {@code AWS_REGION}, else
 * {@code AWS_DEFAULT_REGION}, else the {@code region} of the profile ({@code AWS_PROFILE} or
 * {@code default}) in the config file ({@code AWS_CONFIG_FILE} or {@code ~/.aws/config}). The
 * function itself reads {@code AWS_REGION} only, which Lambda always sets.
 */
final class CliRegion {

    private CliRegion() {
    }

    /** The environment with {@code AWS_REGION} filled in when another source names a region. */
    static Map<String, String> resolved(Map<String, String> env) {
        if (CliAccess.value(env, "AWS_REGION").isPresent()) {
            return env;
        }
        var region = CliAccess.value(env, "AWS_DEFAULT_REGION").or(() -> profileRegion(env));
        if (region.isEmpty()) {
            return env;
        }
        Map<String, String> resolved = new HashMap<>(env);
        resolved.put("AWS_REGION", region.get());
        return resolved;
    }

    private static Optional<String> profileRegion(Map<String, String> env) {
        var profile = CliAccess.profile(env);
        Path config = profile.configFile();
        if (!Files.isRegularFile(config)) {
            return Optional.empty();
        }
        return ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build()
                .profile(profile.name())
                .flatMap(found -> found.property("region"));
    }
}
