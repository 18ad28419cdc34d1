package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.testing.RequiredTools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The RFC 9162 inclusion-proof vectors of transparency-dev/merkle (src/test/resources/merkle), valid
 * and deliberately broken, against both inclusion checks: the Java MerkleTree's and the bundle
 * checker's. Each must accept exactly the vectors the reference accepts.
 */
class MerkleVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path VECTORS = resource("/merkle/inclusion");
    /** Runs the checker's own function over every vector: one "name accepted|rejected" line each. */
    private static final String PYTHON_DRIVER = """
            import base64, json, os, sys
            from bundlecheck import merkle
            for name in sys.argv[1:]:
                v = json.load(open(name))
                proof = [base64.b64decode(p) for p in (v["proof"] or [])]
                root = merkle.root_from_leaf_hash(base64.b64decode(v["leafHash"]), v["leafIdx"], v["treeSize"], proof)
                print(name, "accepted" if root == base64.b64decode(v["root"]) else "rejected")
            """;

    @Test
    void theJavaCheckAcceptsExactlyTheValidVectors() throws IOException {
        Map<String, Boolean> accepted = new TreeMap<>();
        for (Path vector : vectors()) {
            accepted.put(vector.toString(), javaAccepts(JSON.readTree(vector.toFile())));
        }

        assertEquals(expected(), accepted);
    }

    @Test
    void thePythonCheckAcceptsExactlyTheValidVectors() throws Exception {
        RequiredTools.requireOnPath("python3", "python3 (Debian package python3) to run the bundle checker");
        var command = new ArrayList<>(List.of("python3", "-c", PYTHON_DRIVER));
        vectors().forEach(vector -> command.add(vector.toString()));
        var process = new ProcessBuilder(command).directory(resource("/evidence/bundlecheck").getParent().toFile())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);

        Map<String, Boolean> accepted = new TreeMap<>();
        out.lines().forEach(line -> accepted.put(line.substring(0, line.lastIndexOf(' ')), line.endsWith(" accepted")));
        assertEquals(expected(), accepted);
    }

    @Test
    void theVectorsAreTheReferenceSetWithItsHappyPathsAndItsAttacks() throws IOException {
        var expected = expected();

        assertEquals(98, expected.size());
        assertEquals(6, expected.values().stream().filter(valid -> valid).count());
        assertTrue(expected.keySet().stream().anyMatch(name -> name.endsWith("leafIdx-sub-@1.json")), "a negative index");
        var oneLeaf = JSON.readTree(VECTORS.resolve("0/happy-path.json").toFile());
        assertArrayEquals(decode(oneLeaf.get("root").asText()),
                MerkleTree.rootFromLeafHash(decode(oneLeaf.get("leafHash").asText()), 0, 1, List.of()));
    }

    /** The vector's own verdict: accepted exactly when it wants no error. */
    private static Map<String, Boolean> expected() throws IOException {
        Map<String, Boolean> valid = new TreeMap<>();
        for (Path vector : vectors()) {
            valid.put(vector.toString(), !JSON.readTree(vector.toFile()).get("wantErr").asBoolean());
        }
        return valid;
    }

    private static boolean javaAccepts(JsonNode vector) {
        List<byte[]> path = new ArrayList<>();
        vector.path("proof").forEach(hash -> path.add(decode(hash.asText())));
        try {
            // Indexes and sizes are uint64 in the vectors: 2^64 - 1 reads as -1, which must be refused.
            byte[] root = MerkleTree.rootFromLeafHash(decode(vector.get("leafHash").asText()),
                    Long.parseUnsignedLong(vector.get("leafIdx").asText()),
                    Long.parseUnsignedLong(vector.get("treeSize").asText()), path);
            return java.util.Arrays.equals(root, decode(vector.get("root").asText()));
        } catch (IllegalArgumentException refused) {
            return false;
        }
    }

    private static List<Path> vectors() throws IOException {
        try (Stream<Path> files = Files.walk(VECTORS)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static byte[] decode(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private static Path resource(String name) {
        try {
            return Path.of(MerkleVectorsTest.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
