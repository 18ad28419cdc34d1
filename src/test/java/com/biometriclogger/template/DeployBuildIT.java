package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.local.bench.PerformanceBenchmark;
import com.biometriclogger.util.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/deploy.md's build, run on a copy of the project, produces the very zip the template
 * deploys and the benchmark measured. SAM deploys a zip CodeUri as it is (no build of its own), so
 * this is what reaches Lambda.
 */
class DeployBuildIT {

    private static final Map<String, Object> TEMPLATE = CloudFormationYaml.load(Path.of("template.yaml"));

    @Test
    void theReadmeDeployBuildProducesTheZipTheTemplateDeploysAndTheBenchmarkMeasured(@TempDir Path copy) throws Exception {
        List<List<String>> builds = deployPageBuildSteps();
        assertEquals(1, builds.size(), "one build step, then sam deploy: " + builds);
        copyProject(copy);

        // The suite is what runs this test: the copy builds the same commands without running it again.
        List<String> command = new ArrayList<>(builds.get(0));
        command.addAll(List.of("-o", "-q", "-Dmaven.test.skip=true"));
        var result = PolicyTools.run(command, copy, 600);
        assertEquals(0, result.exitCode(), String.join(" ", command) + "\n" + result.output());

        for (String codeUri : codeUris()) {
            assertEquals(PerformanceBenchmark.ZIP, Path.of(codeUri), "every function deploys the benchmarked zip");
            Path built = copy.resolve(codeUri);
            assertTrue(Files.isRegularFile(built), "the deploy build leaves " + codeUri);
            assertEquals(sha256(PerformanceBenchmark.ZIP), sha256(built),
                    "the deployed zip is byte for byte the one this build tested and the benchmark measures");
        }
    }

    @Test
    void theZipHoldsOnlyRuntimeJarsUnderLibIncludingTheHandlers() throws IOException {
        try (var zip = new ZipFile(PerformanceBenchmark.ZIP.toFile())) {
            List<String> names = Collections.list(zip.entries()).stream().map(e -> e.getName()).toList();
            String ours = names.stream().filter(n -> n.startsWith("lib/biometric-logger-")).findFirst()
                    .orElseThrow(() -> new AssertionError("our jar is not under lib/: " + names));

            assertTrue(names.stream().allMatch(n -> n.equals("lib/") || (n.startsWith("lib/") && n.endsWith(".jar"))), names.toString());
            assertFalse(names.stream().anyMatch(n -> n.contains("junit") || n.contains("DynamoDBLocal") || n.contains("s3proxy")
                    || n.contains("onnxruntime")), "test-only jars in the deployment zip: " + names);
            try (var jar = new ZipInputStream(zip.getInputStream(zip.getEntry(ours)))) {
                List<String> classes = new ArrayList<>();
                for (var entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
                    classes.add(entry.getName());
                }
                assertTrue(classes.contains("com/biometriclogger/handler/DecisionHandler.class"), ours);
                assertTrue(classes.contains("com/biometriclogger/handler/SealHandler.class"), ours);
                assertFalse(classes.stream().anyMatch(c -> c.startsWith("com/biometriclogger/local/")), "the local stack is in " + ours);
            }
        }
    }

    /** The {@code mvn} lines of the first shell block of docs/deploy.md. */
    private static List<List<String>> deployPageBuildSteps() throws IOException {
        String deploy = Files.readString(Path.of("docs/deploy.md"));
        int start = deploy.lastIndexOf("```bash\n", deploy.indexOf("sam deploy --guided")) + 8;
        String block = deploy.substring(start, deploy.indexOf("\n```", start));
        return block.lines().map(line -> line.replaceAll("\\s+#.*$", "").strip())
                .filter(line -> line.startsWith("mvn "))
                .map(line -> Arrays.asList(line.split("\\s+")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> codeUris() {
        var resources = (Map<String, Map<String, Object>>) TEMPLATE.get("Resources");
        List<String> uris = resources.values().stream()
                .filter(r -> "AWS::Serverless::Function".equals(r.get("Type")))
                .map(r -> (String) ((Map<String, Object>) r.get("Properties")).get("CodeUri"))
                .toList();
        assertFalse(uris.isEmpty());
        return uris;
    }

    /** What a fresh clone has that the build reads: the pom and the sources (no target/). */
    private static void copyProject(Path copy) throws IOException {
        Files.copy(Path.of("pom.xml"), copy.resolve("pom.xml"));
        try (var files = Files.walk(Path.of("src"))) {
            files.forEach(source -> {
                try {
                    Path target = copy.resolve(source.toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static String sha256(Path file) throws IOException {
        return Sha256.hex(Files.readAllBytes(file));
    }
}
