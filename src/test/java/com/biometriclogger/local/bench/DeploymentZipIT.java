package com.biometriclogger.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.Scenario;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The deployment zip as {@code mvn package} left it (jars stored, the never-loaded ones left out),
 * unpacked and run as Lambda runs it, under the real runtime interface client: it still
 * deserialises an S3 event, reads, signs and writes its audit item.
 */
@ExtendWith(LocalStackExtension.class)
class DeploymentZipIT {

    @Test
    void theZipJudgesAnUploadUnderTheRuntimeClient(Scenario scenario) throws Exception {
        LambdaZip.requireBuilt("mvn package");
        Path logs = Files.createDirectories(Path.of("target/deployment-zip-it"));
        Path lib = LambdaZip.unpack(logs.resolve("task")).resolve("lib");
        String event = new BenchUploads(scenario.stack(), scenario.bucket()).notAnImage();
        var runtime = new FunctionRuntime(scenario.environment(), logs);

        try (var api = RuntimeApiServer.start(List.of(event))) {
            var process = runtime.start(Jdk.current(), lib + File.separator + "*" + File.pathSeparator
                    + FunctionRuntime.runtimeClientJars(), FunctionRuntime.OURS, FunctionRuntime.lambdaFlags(512), api, "zip", Map.of());
            try {
                var answer = api.awaitAnswer(120);

                assertFalse(answer.error(), answer.body());
                assertTrue(answer.body().contains("\"REJECTED\""), answer.body());
            } finally {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        var item = scenario.onlyAuditItem();
        assertEquals("REJECTED", item.get("decision"));
        assertEquals("UNSUPPORTED_FORMAT", item.get("reasons"));
        assertFalse(item.get("signature").isEmpty());
    }
}
