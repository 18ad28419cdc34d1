package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.config.ConfigurationException;
import com.biometriclogger.config.Settings;
import com.biometriclogger.template.SamLocalEnvironment.Resolution;
import com.biometriclogger.template.SamLocalEnvironment.Session;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The verify function's environment under {@code sam local invoke} ({@link SamLocalEnvironment}) and deployed. */
class SamLocalEnvironmentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Session SESSION = new Session("eu-west-1", "A", "S");
    private static final List<String> ENDPOINTS = List.of("AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_DYNAMODB",
            "AWS_ENDPOINT_URL_REKOGNITION", "AWS_ENDPOINT_URL_KMS");

    @ParameterizedTest
    @EnumSource(Resolution.class)
    void withoutTheEnvVarsFileTheFunctionFailsAtStartUpNamingTheKey(Resolution resolution) {
        var environment = SamLocalEnvironment.of("VerifyFunction", resolution, Map.of(), Map.of(), SESSION);

        assertEquals(resolution == Resolution.RESOLVED ? "AuditTable" : "", environment.get("AUDIT_TABLE_NAME"),
                "a logical id, not the table");
        var error = assertThrows(ConfigurationException.class, () -> Settings.fromEnvironment(environment));
        assertTrue(error.getMessage().contains("SIGNING_KEY_ARN"), error.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Resolution.class)
    void theFileFilledFromTheStacksOutputsGivesTheFunctionTheStacksNamesAndAwsEndpoints(Resolution resolution) throws Exception {
        var outputs = Deployment.defaults().outputs();
        String filled = Files.readString(Path.of("docs/sam-local-env-vars.json"));
        for (var output : outputs.entrySet()) {
            filled = filled.replace("${" + output.getKey() + "}", output.getValue());
        }

        var environment = SamLocalEnvironment.of("VerifyFunction", resolution, envVars(filled), Map.of(), SESSION);
        var settings = Settings.fromEnvironment(environment);

        assertEquals(outputs.get("AuditTableName"), settings.auditTableName());
        assertEquals(outputs.get("SigningKeyArn"), settings.signingKeyArn());
        assertEquals(outputs.get("UploadBucketName"), environment.get("UPLOAD_BUCKET"));
        assertEquals(Optional.empty(), settings.aws().endpoints().s3(), "an empty endpoint variable is no endpoint");
        assertEquals(Optional.empty(), settings.aws().endpoints().kms());
    }

    @Test
    void theEndpointVariablesAreDeclaredForSamButLeftOutOfTheDeployedFunction() {
        var deployed = (Map<?, ?>) Deployment.defaults().property("VerifyFunction", "Environment", "Variables");
        var underSam = SamLocalEnvironment.declared("VerifyFunction", Resolution.RESOLVED);

        for (String endpoint : ENDPOINTS) {
            // The SDK reads AWS_ENDPOINT_URL_S3="" as an endpoint ("Custom endpoint `` was not a valid URI"): deployed,
            // the name must be absent, not empty.
            assertTrue(!deployed.containsKey(endpoint), endpoint + " is in the deployed configuration: " + deployed.keySet());
            assertEquals("", underSam.get(endpoint), endpoint);
        }
        assertEquals("AuditTable", underSam.get("AUDIT_TABLE_NAME"));
        assertEquals(Deployment.defaults().outputs().get("AuditTableName"), deployed.get("AUDIT_TABLE_NAME"));
    }

    /** SAM CLI drops a name the template does not declare without a word, so each file may hold declared names only. */
    @ParameterizedTest
    @ValueSource(strings = {"docs/sam-local-env-vars.json", "docs/sam-local-serve-env-vars.json"})
    void everyNameInTheEnvVarsFilesIsOneTheTemplateDeclares(String file) throws Exception {
        var sections = envVars(Files.readString(Path.of(file)));
        var declared = SamLocalEnvironment.declared("VerifyFunction", Resolution.UNRESOLVED).keySet();

        assertEquals(List.of("VerifyFunction"), List.copyOf(sections.keySet()));
        for (String name : sections.get("VerifyFunction").keySet()) {
            assertTrue(declared.contains(name), file + ": " + name + " is not declared, so SAM CLI would drop it");
        }
    }

    @Test
    void theServeFileSetsEveryEndpointTheVerifyFunctionCalls() throws Exception {
        var names = envVars(Files.readString(Path.of("docs/sam-local-serve-env-vars.json"))).get("VerifyFunction").keySet();

        assertTrue(names.containsAll(ENDPOINTS), names.toString());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, String>> envVars(String json) throws Exception {
        return JSON.readValue(json, Map.class);
    }
}
