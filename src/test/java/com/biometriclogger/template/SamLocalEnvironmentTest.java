package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.config.ConfigurationException;
import com.biometriclogger.config.Settings;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The verify function's environment as {@code sam local invoke} gives it (samcli/local/lambdafn/env_vars.py):
 * a {@code !Ref} to a parameter is its default, a {@code !Ref} to a resource its logical id, and any value
 * still an intrinsic an empty string (SAM resolves some intrinsics first; this model resolves none, so it
 * is the stricter). {@code --env-vars} then overrides, by the function's logical id, only the variables the
 * template declares (aws-sam-cli issues 381 and 6145): the file cannot add {@code AWS_ENDPOINT_URL_*}.
 */
class SamLocalEnvironmentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> TEMPLATE = CloudFormationYaml.load(Path.of("template.yaml"));
    private static final Map<String, String> SHELL = Map.of("AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "A",
            "AWS_SECRET_ACCESS_KEY", "S");

    @Test
    void withoutTheEnvVarsFileTheFunctionFailsAtStartUpNamingTheKey() {
        var environment = samEnvironment();

        assertEquals("AuditTable", environment.get("AUDIT_TABLE_NAME"), "a logical id, not the table");
        var error = assertThrows(ConfigurationException.class, () -> Settings.fromEnvironment(withShell(environment)));
        assertTrue(error.getMessage().contains("SIGNING_KEY_ARN"), error.getMessage());
    }

    @Test
    void theFileFilledFromTheStacksOutputsGivesTheFunctionTheStacksNames() throws Exception {
        var outputs = Deployment.defaults().outputs();
        String filled = Files.readString(Path.of("docs/sam-local-env-vars.json"));
        for (var output : outputs.entrySet()) {
            filled = filled.replace("${" + output.getKey() + "}", output.getValue());
        }
        var environment = samEnvironment();
        @SuppressWarnings("unchecked")
        var overrides = (Map<String, String>) JSON.readValue(filled, Map.class).get("VerifyFunction");
        // SAM CLI replaces only variables the template declares; it drops any other name in the file.
        overrides.forEach((name, value) -> environment.replace(name, value));

        var settings = Settings.fromEnvironment(withShell(environment));

        assertEquals(outputs.get("AuditTableName"), settings.auditTableName());
        assertEquals(outputs.get("SigningKeyArn"), settings.signingKeyArn());
        assertEquals(outputs.get("UploadBucketName"), environment.get("UPLOAD_BUCKET"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> samEnvironment() {
        var function = (Map<String, Object>) ((Map<String, Object>) TEMPLATE.get("Resources")).get("VerifyFunction");
        var variables = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) function.get("Properties"))
                .get("Environment")).get("Variables");
        Map<String, String> environment = new LinkedHashMap<>();
        variables.forEach((name, value) -> environment.put(name, asSamGivesIt(value)));
        return environment;
    }

    @SuppressWarnings("unchecked")
    private static String asSamGivesIt(Object value) {
        if (!(value instanceof Map<?, ?> intrinsic)) {
            return String.valueOf(value);
        }
        if (intrinsic.get("Ref") instanceof String name) {
            var parameters = (Map<String, Map<String, Object>>) TEMPLATE.get("Parameters");
            if (parameters.containsKey(name)) {
                return String.valueOf(parameters.get(name).get("Default"));
            }
            if (((Map<String, Object>) TEMPLATE.get("Resources")).containsKey(name)) {
                return name;
            }
        }
        return "";
    }

    private static Map<String, String> withShell(Map<String, String> environment) {
        var all = new HashMap<>(environment);
        all.putAll(SHELL);
        return all;
    }
}
