package com.biometriclogger.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A copy of an exported bundle, changed as whoever hands it over can change it: any byte of any file.
 * Its lines are read and written as the exporter writes them (canonical, one object per line) unless a
 * test writes raw bytes on purpose.
 */
final class TamperedBundle {

    private static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;

    private TamperedBundle(Path dir) {
        this.dir = dir;
    }

    static TamperedBundle copyOf(Path genuine, Path copy) {
        try (Stream<Path> files = Files.walk(genuine)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(genuine.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TamperedBundle(copy);
    }

    List<Map<String, String>> lines(String file) {
        try {
            List<Map<String, String>> objects = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve(file))) {
                Map<String, String> object = new LinkedHashMap<>();
                JSON.readTree(line).properties().forEach(field -> object.put(field.getKey(), field.getValue().asText()));
                objects.add(object);
            }
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String file, List<Map<String, String>> objects) {
        var text = new StringBuilder();
        objects.forEach(object -> text.append(CanonicalForm.json(object)).append('\n'));
        writeRaw(file, text.toString());
    }

    void writeRaw(String file, String text) {
        try {
            Files.writeString(dir.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String raw(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each line of a file through {@code change}; a null result drops the line. */
    void edit(String file, UnaryOperator<Map<String, String>> change) {
        write(file, lines(file).stream().map(change).filter(java.util.Objects::nonNull).toList());
    }

    /** The verdict of the Java verifier, with the recipient's real keys, on this bundle's items and seals. */
    List<String> javaFindings(List<EvidenceKey> itemKeys, List<EvidenceKey> sealKeys) {
        var verifier = new EvidenceVerifier(itemKeys, sealKeys, Optional.empty(), Optional.empty());
        lines("items.jsonl").forEach(item -> verifier.checkItem(new StoredItem(item, List.of())));
        lines("seals.jsonl").forEach(seal -> verifier.checkSeal(new StoredItem(seal, List.of())));
        return verifier.finish(Instant.now()).findings().stream().map(f -> f.problem() + " " + f.about()).toList();
    }

    /** The bundle's keys with the ids trusted-keys.json gives them, as the exporter wrote them. */
    List<EvidenceKey> keys(String role) {
        try {
            List<EvidenceKey> keys = new ArrayList<>();
            for (var entry : JSON.readTree(dir.resolve("trusted-keys.json").toFile()).get(role)) {
                var pem = Files.readString(dir.resolve(entry.get("file").asText()));
                keys.add(EvidenceKey.fromSubjectPublicKeyInfo(entry.get("keyId").asText(), Pem.decode(pem, "PUBLIC KEY")));
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The forger changes a decision, rebuilds its hour's seal and the chain after it, and signs all with their own keys. */
    void reSignAsForger(String changed) {
        var itemKey = new TamperedBundle.ForgerKey("forger-item");
        var sealKey = new TamperedBundle.ForgerKey("forger-seal");
        var items = new EvidenceSigning(itemKey);
        Map<String, String> digests = new HashMap<>();
        edit("items.jsonl", item -> {
            if (item.get("attemptId").equals(changed)) {
                item.put("decision", "AUTHORIZED");
                item.put("reasons", "");
            }
            var signed = items.sign(item);
            digests.put(signed.get("attemptId"), CanonicalForm.digest(signed));
            return signed;
        });
        var seals = new EvidenceSigning(sealKey);
        String[] previous = {""};
        edit("seals.jsonl", seal -> {
            String id = seal.get(SealRecord.LEAVES).split(":", -1)[0];
            seal.put(SealRecord.LEAVES, id + ":" + digests.get(id));
            seal.put(SealRecord.MERKLE_ROOT, HexFormat.of().formatHex(MerkleTree.root(
                    List.of(seal.get(SealRecord.LEAVES).getBytes(StandardCharsets.UTF_8)))));
            seal.put(SealRecord.PREVIOUS_SEAL, previous[0]);
            var signed = seals.sign(seal);
            previous[0] = CanonicalForm.linkDigest(signed);
            return signed;
        });
        writeRaw("public-key.pem", itemKey.publicKeyPem());
        writeRaw("seal-public-key.pem", sealKey.publicKeyPem());
        writeRaw("trusted-keys.json", "{\"item\":[{\"file\":\"public-key.pem\",\"keyId\":\"forger-item\"}],"
                + "\"seal\":[{\"file\":\"seal-public-key.pem\",\"keyId\":\"forger-seal\"}]}\n");
    }

    /** A key pair of the forger's own, P-256 as KMS's, signing under an id of their choosing. */
    static final class ForgerKey implements EvidenceSigner {
        private final String keyId;
        private final java.security.KeyPair pair;

        ForgerKey(String keyId) {
            this.keyId = keyId;
            try {
                var generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                this.pair = generator.generateKeyPair();
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String keyId() {
            return keyId;
        }

        @Override
        public byte[] sign(byte[] message) {
            try {
                var signature = Signature.getInstance("SHA256withECDSA");
                signature.initSign(pair.getPrivate());
                signature.update(message);
                return signature.sign();
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        String publicKeyPem() {
            return Pem.encode("PUBLIC KEY", pair.getPublic().getEncoded());
        }
    }
}
