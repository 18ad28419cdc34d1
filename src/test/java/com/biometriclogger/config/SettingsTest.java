package com.biometriclogger.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.aws.AwsAccess;
import com.biometriclogger.decision.LockoutRule;
import com.biometriclogger.decision.PolicyThresholds;
import com.biometriclogger.decision.SimilarityThresholds;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

    private static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "eu-west-1");
        env.put("AUDIT_TABLE_NAME", "audit");
        env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "secret");
        env.put("SIGNING_KEY_ARN", "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");
        env.put("COMMITMENT_ARCHIVE_BUCKET", "archive");
        return env;
    }

    @Test
    void defaultsApplyWhenOnlyTheRequiredVariablesAreSet() {
        var settings = Settings.fromEnvironment(minimal());

        assertEquals(PolicyThresholds.defaults(), settings.thresholds());
        assertEquals("uploads/", settings.uploadScope().prefix());
        assertEquals(Optional.empty(), settings.uploadScope().bucket());
        assertEquals(Optional.empty(), settings.aws().endpoints().s3());
        assertEquals(new AwsAccess.Credentials.Environment("AKIDEXAMPLE", "secret", Optional.empty()),
                settings.aws().credentials());
    }

    @Test
    void everyThresholdIsReadFromItsVariable() {
        var env = minimal();
        env.putAll(Map.of("MIN_FACE_CONFIDENCE", "95.5", "MAX_YAW_DEGREES", "30", "MAX_PITCH_DEGREES", "20",
                "MAX_ROLL_DEGREES", "180", "MIN_BRIGHTNESS", "0", "MIN_SHARPNESS", "100",
                "REQUIRE_EYES_OPEN", "FALSE", "REJECT_SUNGLASSES", "true"));

        assertEquals(new PolicyThresholds(95.5f, 30f, 20f, 180f, 0f, 100f, false, true),
                Settings.fromEnvironment(env).thresholds());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "MIN_FACE_CONFIDENCE, abc, 'MIN_FACE_CONFIDENCE must be a number from 0 to 100, got ''abc'''",
            "MIN_FACE_CONFIDENCE, 150, 'MIN_FACE_CONFIDENCE must be a number from 0 to 100, got ''150'''",
            "MAX_YAW_DEGREES, -1, 'MAX_YAW_DEGREES must be a number from 0 to 180, got ''-1'''",
            "MIN_SHARPNESS, NaN, 'MIN_SHARPNESS must be a number from 0 to 100, got ''NaN'''",
            "REVIEW_SIMILARITY, 96, 'REVIEW_SIMILARITY must be a number from 0 to 95, got ''96'''",
            "REQUIRE_EYES_OPEN, yes, 'REQUIRE_EYES_OPEN must be true or false, got ''yes'''",
            "LOCKOUT_FAILURES, 2.5, 'LOCKOUT_FAILURES must be a whole number from 0 to 100, got ''2.5'''",
            "LOCKOUT_FAILURES, -1, 'LOCKOUT_FAILURES must be a whole number from 0 to 100, got ''-1'''",
            "LOCKOUT_WINDOW_MINUTES, 0, 'LOCKOUT_WINDOW_MINUTES must be a whole number from 1 to 1440, got ''0'''",
            "LOCKOUT_WINDOW_MINUTES, 1441, 'LOCKOUT_WINDOW_MINUTES must be a whole number from 1 to 1440, got ''1441'''",
            "AWS_ENDPOINT_URL_S3, localhost:9000, 'AWS_ENDPOINT_URL_S3 must be a URL such as http://127.0.0.1:9000, got ''localhost:9000'''"})
    void anInvalidSettingFailsNamingTheVariable(String variable, String value, String message) {
        var env = minimal();
        env.put(variable, value);

        var error = assertThrows(ConfigurationException.class, () -> Settings.fromEnvironment(env));

        assertEquals("Invalid configuration: " + message, error.getMessage());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        var env = minimal();
        env.remove("AUDIT_TABLE_NAME");
        env.put("MAX_ROLL_DEGREES", "200");

        var error = assertThrows(ConfigurationException.class, () -> Settings.fromEnvironment(env));

        assertTrue(error.getMessage().contains("AUDIT_TABLE_NAME is required but not set"), error.getMessage());
        assertTrue(error.getMessage().contains("MAX_ROLL_DEGREES must be a number from 0 to 180"), error.getMessage());
    }

    @Test
    void missingCredentialsNameTheVariablesLambdaSets() {
        var env = minimal();
        env.remove("AWS_SECRET_ACCESS_KEY");

        var error = assertThrows(ConfigurationException.class, () -> Settings.fromEnvironment(env));

        assertTrue(error.getMessage().contains("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"), error.getMessage());
    }

    @Test
    void snapStartContainerCredentialsNeedNoKeys() {
        var env = minimal();
        env.remove("AWS_ACCESS_KEY_ID");
        env.remove("AWS_SECRET_ACCESS_KEY");
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://169.254.170.2/creds");

        assertEquals(new AwsAccess.Credentials.Container(), Settings.fromEnvironment(env).aws().credentials());
    }

    @Test
    void theLockoutIsFiveFailuresInFifteenMinutesByDefaultAndZeroTurnsItOff() {
        assertEquals(Optional.of(new LockoutRule(5, Duration.ofMinutes(15))), Settings.fromEnvironment(minimal()).lockout());
        var env = minimal();
        env.put("LOCKOUT_FAILURES", "3");
        env.put("LOCKOUT_WINDOW_MINUTES", "60");
        assertEquals(Optional.of(new LockoutRule(3, Duration.ofHours(1))), Settings.fromEnvironment(env).lockout());
        env.put("LOCKOUT_FAILURES", "0");
        assertEquals(Optional.empty(), Settings.fromEnvironment(env).lockout());
    }

    @Test
    void theReviewBandIsOffUnlessReviewSimilarityIsUnderMinSimilarity() {
        var env = minimal();
        env.put("MIN_SIMILARITY", "97");
        assertEquals(SimilarityThresholds.matchOnly(97f), Settings.fromEnvironment(env).identity().similarity());

        env.put("REVIEW_SIMILARITY", "90");
        assertEquals(new SimilarityThresholds(97f, 90f), Settings.fromEnvironment(env).identity().similarity());
    }

    @Test
    void identityMatchingIsOnByDefaultAndCanBeTurnedOff() {
        var match = Settings.fromEnvironment(minimal());
        assertEquals(new Settings.Identity(Settings.Mode.MATCH, "references/", SimilarityThresholds.matchOnly(95f)), match.identity());
        assertEquals(Optional.of("references/"), match.uploadScope().referencePrefix());

        var env = minimal();
        env.put("VERIFICATION_MODE", "detect_only");
        var detectOnly = Settings.fromEnvironment(env);
        assertEquals(Settings.Mode.DETECT_ONLY, detectOnly.identity().mode());
        assertEquals(Optional.empty(), detectOnly.uploadScope().referencePrefix());
    }

    @Test
    void aStackDeployedBeforeTheRenameStillMatchesWithVerify() {
        var env = minimal();
        env.put("VERIFICATION_MODE", "VERIFY");

        assertEquals(Settings.Mode.MATCH, Settings.fromEnvironment(env).identity().mode());
    }

    @Test
    void anUnknownModeOrSimilarityIsRejectedByName() {
        var env = minimal();
        env.put("VERIFICATION_MODE", "MAYBE");
        env.put("MIN_SIMILARITY", "101");

        var error = assertThrows(ConfigurationException.class, () -> Settings.fromEnvironment(env));

        assertEquals("Invalid configuration: VERIFICATION_MODE must be MATCH or DETECT_ONLY (or VERIFY, "
                + "MATCH's former name), got 'MAYBE'; "
                + "MIN_SIMILARITY must be a number from 0 to 100, got '101'", error.getMessage());
    }

    @Test
    void endpointOverridesAreReadPerService() {
        var env = minimal();
        env.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000");
        env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000");
        env.put("AWS_ENDPOINT_URL_REKOGNITION", "http://127.0.0.1:9100");

        var endpoints = Settings.fromEnvironment(env).aws().endpoints();

        assertEquals(Optional.of(URI.create("http://127.0.0.1:9000")), endpoints.s3());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:8000")), endpoints.dynamoDb());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:9100")), endpoints.rekognition());
    }
}
