package com.biometriclogger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliRegionTest {

    @TempDir
    Path home;

    @Test
    void awsRegionWinsThenAwsDefaultRegionAsInTheAwsCli() {
        assertEquals("eu-west-1", CliRegion.resolved(Map.of("AWS_REGION", "eu-west-1", "AWS_DEFAULT_REGION", "us-east-2"))
                .get("AWS_REGION"));
        assertEquals("us-east-2", CliRegion.resolved(Map.of("AWS_DEFAULT_REGION", "us-east-2",
                "AWS_CONFIG_FILE", home.resolve("none").toString())).get("AWS_REGION"));
    }

    @Test
    void elseTheNamedProfilesRegionFromTheConfigFile() throws IOException {
        Path config = Files.writeString(home.resolve("config"), """
                [default]
                region = ap-south-1
                [profile audit]
                region = eu-central-1
                """);

        assertEquals("ap-south-1", CliRegion.resolved(Map.of("AWS_CONFIG_FILE", config.toString())).get("AWS_REGION"));
        assertEquals("eu-central-1", CliRegion.resolved(Map.of("AWS_CONFIG_FILE", config.toString(), "AWS_PROFILE", "audit"))
                .get("AWS_REGION"));
    }

    @Test
    void noRegionAnywhereLeavesTheEnvironmentForTheConfigurationToReject() {
        assertNull(CliRegion.resolved(Map.of("AWS_CONFIG_FILE", home.resolve("none").toString())).get("AWS_REGION"));
    }
}
