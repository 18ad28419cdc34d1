package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.biometriclogger.config.ConfigurationException;
import com.biometriclogger.config.Settings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Parameters as the services will read them. A key ARN CloudFormation accepts and Settings refuses
 * fails the function at init (and, under SnapStart, the deploy); a role ARN without its path is
 * accepted by IAM's policy grammar but never equals the caller's aws:PrincipalArn.
 */
class ParameterRulesTest {

    private static final Map<String, Object> PARAMETERS = parameters();
    private static final String KEY = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    @Test
    void replacementKeyParametersAllowExactlyWhatSettingsAccepts() {
        for (String name : List.of("ReplacementSigningKeyArn", "ReplacementSealSigningKeyArn")) {
            assertEquals("^(" + Settings.KMS_KEY_ARN + ")?$", allowedPattern(name), name);
        }
    }

    @Test
    void aMultiRegionKeyIsRefusedByTheTemplateAndBySettings() {
        String multiRegion = "arn:aws:kms:eu-west-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab";

        assertEquals(false, Pattern.matches(allowedPattern("ReplacementSigningKeyArn"), multiRegion));
        var error = assertThrows(ConfigurationException.class, () -> Settings.fromEnvironment(environment(multiRegion)));
        assertEquals(true, error.getMessage().contains("SIGNING_KEY_ARN must be a single-Region KMS key ARN"), error.getMessage());
        assertEquals(true, Pattern.matches(allowedPattern("ReplacementSigningKeyArn"), KEY));
        assertEquals(KEY, Settings.fromEnvironment(environment(KEY)).signingKeyArn());
    }

    @Test
    void roleParametersTakeTheRolesArnWithItsPathAndNothingElse() {
        String sso = "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_Admin_0123456789abcdef";
        for (String name : List.of("EnrolmentPrincipalArn", "BreakGlassRoleArn")) {
            String pattern = allowedPattern(name);
            assertEquals(true, Pattern.matches(pattern, sso), name);
            assertEquals(true, Pattern.matches(pattern, "arn:aws:iam::123456789012:role/erasure"), name);
            assertEquals(false, Pattern.matches(pattern, "arn:aws:sts::123456789012:assumed-role/erasure/alice"), name);
            assertEquals(false, Pattern.matches(pattern, "arn:aws:iam::123456789012:role/aws-reserved/"), name);
            assertEquals(false, Pattern.matches(pattern, "arn:aws:iam::123456789012:role/" + "n".repeat(65)), name);
        }
    }

    private static Map<String, String> environment(String keyArn) {
        Map<String, String> env = new HashMap<>(Map.of("AUDIT_TABLE_NAME", "audit", "AWS_REGION", "eu-west-1",
                "AWS_ACCESS_KEY_ID", "A", "AWS_SECRET_ACCESS_KEY", "S"));
        env.put("SIGNING_KEY_ARN", keyArn);
        env.put("COMMITMENT_ARCHIVE_BUCKET", "archive");
        return env;
    }

    @SuppressWarnings("unchecked")
    private static String allowedPattern(String parameter) {
        return (String) ((Map<String, Object>) PARAMETERS.get(parameter)).get("AllowedPattern");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parameters() {
        return (Map<String, Object>) CloudFormationYaml.load(Path.of("template.yaml")).get("Parameters");
    }
}
