package com.biometriclogger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.biometriclogger.aws.AwsAccess;
import com.biometriclogger.config.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliAccessTest {

    @TempDir
    Path home;

    @Test
    void keysInTheEnvironmentAreTakenAsTheyAre() {
        var access = CliAccess.fromEnvironment(Map.of("AWS_ACCESS_KEY_ID", "AKIDENV", "AWS_SECRET_ACCESS_KEY", "secret",
                "AWS_REGION", "eu-west-1", "HOME", home.toString()));

        assertEquals(new AwsAccess.Credentials.Environment("AKIDENV", "secret", Optional.empty()), access.credentials());
    }

    @Test
    void elseTheDefaultProfileOfTheFilesUnderHome() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), "[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n");
        Files.writeString(home.resolve(".aws/config"), "[default]\nregion = ap-south-1\n");

        var access = CliAccess.fromEnvironment(Map.of("HOME", home.toString()));

        assertEquals(new AwsAccess.Credentials.FromProfile(new AwsAccess.Profile("default", home.resolve(".aws/config"),
                home.resolve(".aws/credentials"))), access.credentials());
        assertEquals("ap-south-1", access.region());
    }

    @Test
    void aProfileWithNothingToResolveCredentialsFromIsOneLineNamingTheFiles() throws IOException {
        Path config = Files.writeString(home.resolve("config"), "[profile audit]\nregion = eu-west-1\n");

        var problem = assertThrows(ConfigurationException.class, () -> CliAccess.fromEnvironment(Map.of("HOME", home.toString(),
                "AWS_PROFILE", "audit", "AWS_CONFIG_FILE", config.toString(), "AWS_SHARED_CREDENTIALS_FILE", "~/team")));

        assertEquals("no credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set, and profile 'audit' "
                + "(AWS_PROFILE) has no aws_access_key_id, role_arn, credential_process in " + home.resolve("team") + " nor "
                + config + " (run aws configure, or export the keys)", problem.getMessage());
    }
}
