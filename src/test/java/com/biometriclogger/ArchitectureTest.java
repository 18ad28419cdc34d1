package com.biometriclogger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: each package of {@code src/main} may use only the packages below it.
 * The Lambda zip holds only {@code src/main}; the local stack and the tests may use anything.
 */
class ArchitectureTest {

    private static final String ROOT = "com.biometriclogger";

    /** Each package and what it may use; a package above may use everything below it. */
    private static final Map<String, List<String>> MAY_USE = layers();

    private static Map<String, List<String>> layers() {
        var layers = new LinkedHashMap<String, List<String>>();
        layers.put("util", List.of());
        layers.put("decision", List.of("util"));
        layers.put("evidence", List.of("decision", "util"));
        layers.put("aws", List.of("evidence", "decision", "util"));
        layers.put("config", List.of("aws", "evidence", "decision", "util"));
        layers.put("logging", List.of("util"));
        layers.put("handler", List.of("config", "aws", "evidence", "decision", "util", "logging"));
        layers.put("report", List.of("evidence", "decision", "util"));
        layers.put("cli", List.of("config", "aws", "evidence", "decision", "util", "logging", "report"));
        return layers;
    }

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void everyPackageUsesOnlyThePackagesBelowIt() {
        LayeredArchitecture architecture = layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage(ROOT + "..")
                .ensureAllClassesAreContainedInArchitecture();
        for (var layer : MAY_USE.keySet()) {
            architecture = architecture.layer(layer).definedBy(ROOT + "." + layer + "..");
        }
        for (var entry : MAY_USE.entrySet()) {
            var below = entry.getValue().toArray(String[]::new);
            architecture = below.length == 0
                    ? architecture.whereLayer(entry.getKey()).mayNotAccessAnyLayer()
                    : architecture.whereLayer(entry.getKey()).mayOnlyAccessLayers(below);
        }
        architecture.check(MAIN);
    }

    /**
     * The compiler copies a {@code static final} constant into the class that reads it, so the
     * class files no longer show that dependency; the import in the source still does.
     */
    @Test
    void everyImportOfOursNamesAPackageBelow() {
        var upward = sourceImports().stream()
                .filter(use -> !MAY_USE.getOrDefault(layerOf(use.from()), List.of()).contains(layerOf(use.to())))
                .filter(use -> !layerOf(use.from()).equals(layerOf(use.to())))
                .toList();
        assertEquals(List.of(), upward);
    }

    private record Use(String from, String to) {
    }

    private static List<Use> sourceImports() {
        var sourceRoot = Path.of("src/main/java");
        var imported = Pattern.compile("^import (?:static )?(" + Pattern.quote(ROOT) + "\\.\\w+\\.\\w+)", Pattern.MULTILINE);
        return javaFiles(sourceRoot).flatMap(file -> {
            var name = sourceRoot.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
            return imported.matcher(read(file)).results().map(match -> new Use(name, match.group(1)));
        }).toList();
    }

    private static String layerOf(String className) {
        return className.substring(ROOT.length() + 1).split("\\.", -1)[0];
    }

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theDecisionDomainAndTheEvidenceCheckKnowNoAws() {
        noClasses().that().resideInAnyPackage(ROOT + ".util..", ROOT + ".decision..", ROOT + ".evidence..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..")
                .check(MAIN);
    }

    @Test
    void onlyTheHandlersKnowLambda() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".handler..")
                .should().dependOnClassesThat().resideInAPackage("com.amazonaws.services.lambda..")
                .check(MAIN);
    }

    @Test
    void onlyTheLoggingPackageKnowsTheLoggingBackend() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".logging..")
                .should().dependOnClassesThat().resideInAPackage("ch.qos.logback..")
                .check(MAIN);
    }

    /**
     * The face models and the AWS stand-ins meet only in what answers the Rekognition endpoint
     * ({@code facebackend}), so either can change, or run, without the other; only the tools and
     * the benchmarks put them together, and the Lambda code knows none of it.
     */
    @Test
    void theFaceModelsAndTheStandInsMeetOnlyInTheTools() {
        var local = ROOT + ".local.";
        layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage(ROOT + "..")
                .ensureAllClassesAreContainedInArchitecture()
                .layer("lambda code").definedBy(MAY_USE.keySet().stream().map(p -> ROOT + "." + p + "..").toArray(String[]::new))
                .layer("samples").definedBy(local + "samples..")
                .layer("face backend").definedBy(local + "facebackend..")
                .layer("faces").definedBy(local + "faces..")
                .layer("stand-ins").definedBy(local + "stack..")
                .layer("tools").definedBy(local + "tools..")
                .layer("benchmarks").definedBy(local + "bench..")
                .whereLayer("lambda code").mayNotAccessAnyLayer()
                .whereLayer("samples").mayOnlyAccessLayers("lambda code")
                .whereLayer("face backend").mayOnlyAccessLayers("lambda code")
                .whereLayer("faces").mayOnlyAccessLayers("lambda code", "face backend", "samples")
                .whereLayer("stand-ins").mayOnlyAccessLayers("lambda code", "face backend")
                .whereLayer("tools").mayOnlyAccessLayers("lambda code", "face backend", "samples", "faces", "stand-ins")
                .whereLayer("benchmarks").mayOnlyAccessLayers("lambda code", "face backend", "samples", "faces", "stand-ins")
                .check(MAIN_AND_LOCAL);
    }

    /** The Lambda code and {@code src/local}; the tests, compiled beside src/local, may use anything. */
    private static final JavaClasses MAIN_AND_LOCAL = new ClassFileImporter()
            .withImportOption(location -> !location.contains("/test-classes/") || compiledFromSrcLocal(location))
            .importPackages(ROOT);

    private static boolean compiledFromSrcLocal(Location location) {
        var classFile = location.asURI().getPath().replaceFirst(".*/test-classes/", "");
        var topLevel = classFile.replaceFirst("(\\$.*)?\\.class$", "");
        return Files.exists(Path.of("src/local/java", topLevel + ".java"));
    }

    /** A package split between the zip and the local stack would let local code reach package-private parts. */
    @Test
    void theLocalStackSharesNoPackageWithTheLambdaCode() {
        var shared = packagesUnder(Path.of("src/main/java"));
        shared.retainAll(packagesUnder(Path.of("src/local/java")));
        assertEquals(Set.of(), shared);
    }

    private static Set<Path> packagesUnder(Path sourceRoot) {
        return javaFiles(sourceRoot).map(file -> sourceRoot.relativize(file.getParent())).collect(Collectors.toSet());
    }

    private static Stream<Path> javaFiles(Path sourceRoot) {
        try (var files = Files.walk(sourceRoot)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
