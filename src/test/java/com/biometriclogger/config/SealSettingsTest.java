package com.biometriclogger.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SealSettingsTest {

    private static final Map<String, String> VALID = Map.of("AUDIT_TABLE_NAME", "audit", "SEAL_TABLE_NAME", "seals",
            "SEAL_SIGNING_KEY_ARN", "arn:aws:kms:eu-west-1:123456789012:key/0d1e2f30-0000-4000-8000-000000000001",
            "SEAL_ARCHIVE_BUCKET", "archive", "AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "A", "AWS_SECRET_ACCESS_KEY", "S");

    private static Map<String, String> with(String hours) {
        var env = new HashMap<>(VALID);
        env.put("REVIEW_OVERDUE_HOURS", hours);
        return env;
    }

    @Test
    void theOverdueCheckIsOffUnlessAnAgeIsSet() {
        assertEquals(OptionalInt.empty(), SealSettings.fromEnvironment(VALID).reviewOverdueHours());
        assertEquals(OptionalInt.of(24), SealSettings.fromEnvironment(with("24")).reviewOverdueHours());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "721", "1.5", "a day"})
    void anAgeThatIsNotAWholeNumberOfHoursInRangeFailsStartUpNamingTheVariable(String hours) {
        var error = assertThrows(ConfigurationException.class, () -> SealSettings.fromEnvironment(with(hours)));

        assertEquals("Invalid configuration: REVIEW_OVERDUE_HOURS must be a whole number from 1 to 720, got '" + hours + "'",
                error.getMessage());
    }
}
