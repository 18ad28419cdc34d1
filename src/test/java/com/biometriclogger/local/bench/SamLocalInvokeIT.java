package com.biometriclogger.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.local.tools.LocalProfile;
import com.biometriclogger.template.SamLocalEnvironment;
import com.biometriclogger.template.SamLocalEnvironment.Resolution;
import com.biometriclogger.template.SamLocalEnvironment.Session;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.Scenario;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * docs/deploy.md's {@code sam local invoke VerifyFunction --env-vars env.json -e events/single-upload.json}
 * against the {@code --serve} stack, with what stands in for SAM CLI and Docker here (neither is on this
 * machine): env.json is written by the documented {@code docs/fill-from-env.sh} from the variables
 * {@code --serve} exports; the container's environment is {@link SamLocalEnvironment} (the template's
 * declared variables as SAM CLI resolves them, overridden by that file, plus SAM CLI's AWS variables from
 * the caller's session), and nothing else; the function is the deployment zip under the real runtime interface
 * client, as in the Lambda image. Not covered: Docker's networking (docs/deploy.md: {@code --docker-network host}).
 */
@ExtendWith(LocalStackExtension.class)
class SamLocalInvokeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** docs/deploy.md's two lines for the local stack: the first runs here as written, the second is modelled. */
    private static final List<String> FILL = List.of("docs/fill-from-env.sh", "docs/sam-local-serve-env-vars.json");
    private static final String INVOKE = "sam local invoke VerifyFunction --docker-network host --env-vars env.json"
            + " -e events/single-upload.json";

    @ParameterizedTest
    @EnumSource(Resolution.class)
    void theDocumentedEnvVarsFileRunsTheFunctionAgainstTheServeStack(Resolution resolution, Scenario scenario) throws Exception {
        LambdaZip.requireBuilt("mvn package");
        String deploy = Files.readString(Path.of("docs/deploy.md"));
        assertTrue(deploy.contains(String.join(" ", FILL) + " > env.json\n") && deploy.contains(INVOKE + "\n"),
                "docs/deploy.md shows the lines this test runs");
        Path logs = Files.createDirectories(Path.of("target/sam-local-invoke-it"));
        Path lib = LambdaZip.unpack(logs.resolve("task-" + resolution)).resolve("lib");
        Map<String, String> exported = new HashMap<>(scenario.environment());
        exported.putAll(LocalProfile.settings(false));
        var envVars = fillFromEnv(exported, logs);
        var environment = SamLocalEnvironment.of("VerifyFunction", resolution, envVars, Map.of(),
                new Session(LocalStack.REGION, LocalStack.ACCESS_KEY, LocalStack.SECRET_KEY));
        byte[] face = Files.readAllBytes(Path.of("src/local/resources/samples/astronaut.jpg"));
        scenario.faces().respond(face, "one-clear-face.json");
        String event = singleUploadEvent(scenario, face);

        String answer;
        try (var api = RuntimeApiServer.start(List.of(event))) {
            var process = FunctionRuntime.withExactly(environment, logs).start(Jdk.current(),
                    lib + File.separator + "*" + File.pathSeparator + FunctionRuntime.runtimeClientJars(),
                    SamLocalEnvironment.handler("VerifyFunction"), FunctionRuntime.lambdaFlags(1024), api,
                    "sam-" + resolution, Map.of());
            try {
                var result = api.awaitAnswer(120);
                assertFalse(result.error(), result.body());
                answer = result.body();
            } finally {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }

        var item = scenario.onlyAuditItem();
        assertEquals("uploads/alice/selfie.jpg", item.get("objectKey"));
        assertEquals("UNAUTHORIZED", item.get("decision"), item.toString());
        assertEquals("NOT_ENROLLED", item.get("reasons"), "DetectFaces found the face, then no reference: " + item);
        assertEquals("1", item.get("faceCount"), item.toString());
        assertFalse(item.get("signature").isEmpty(), "signed through the local KMS endpoint the file names");
        assertTrue(answer.contains("\"UNAUTHORIZED\""), answer);
    }

    /** env.json as docs/deploy.md writes it, in a shell holding only what {@code --serve} exported. */
    private static Map<String, Map<String, String>> fillFromEnv(Map<String, String> exported, Path logs) throws Exception {
        var command = new java.util.ArrayList<>(List.of("bash"));
        command.addAll(FILL);
        var builder = new ProcessBuilder(command)
                .redirectOutput(logs.resolve("env.json").toFile()).redirectError(logs.resolve("env.err").toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().putAll(exported);
        assertEquals(0, builder.start().waitFor(), Files.readString(logs.resolve("env.err")));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, String>> file = JSON.readValue(logs.resolve("env.json").toFile(), Map.class);
        return file;
    }

    /** events/single-upload.json edited as docs/deploy.md says: this bucket, and the size and version of the upload. */
    private static String singleUploadEvent(Scenario scenario, byte[] face) throws Exception {
        var tree = JSON.readTree(new File("events/single-upload.json"));
        var s3 = tree.get("Records").get(0).get("s3");
        String key = s3.get("object").get("key").asText();
        var put = scenario.put(key, face);
        ((ObjectNode) s3.get("bucket")).put("name", scenario.bucket()).put("arn", "arn:aws:s3:::" + scenario.bucket());
        ((ObjectNode) s3.get("object")).put("size", face.length).put("versionId", put.versionId())
                .put("eTag", put.eTag().replace("\"", ""));
        return new String(JSON.writeValueAsBytes(tree), StandardCharsets.UTF_8);
    }
}
