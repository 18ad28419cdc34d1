package com.biometriclogger.local.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A KMS-compatible endpoint on loopback for the keys the stack signs with (items, seals):
 * {@code Sign} and {@code GetPublicKey} in the service's real wire protocol (awsJson1.1,
 * {@code TrentService.*}), so the functions' real {@code KmsClient} signs through it unchanged. Its
 * key material is the local key files, the stand-ins for keys that in AWS never leave KMS.
 */
public final class LocalKms implements AutoCloseable {

    /** The item-signing key: an ARN in no real account (000000000000), so it cannot be mistaken for a deployed key. */
    public static final String KEY_ARN = "arn:aws:kms:us-east-1:000000000000:key/10ca1000-0000-4000-8000-000000000000";
    /**
     * A second item-signing key, for replacing the first as docs/threat-model.md's procedure does: set
     * {@code SIGNING_KEY_ARN} to it, and verify with both.
     */
    public static final String REPLACEMENT_KEY_ARN = "arn:aws:kms:us-east-1:000000000000:key/10ca2000-0000-4000-8000-000000000000";
    /** The seal-signing key, apart from the items' as in the template. */
    public static final String SEAL_KEY_ARN = "arn:aws:kms:us-east-1:000000000000:key/5ea10000-0000-4000-8000-000000000000";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET_PREFIX = "TrentService.";
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");

    private final Map<String, LocalKeyFileSigner> keys;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Set<String> accessKeyIds = ConcurrentHashMap.newKeySet();
    private HttpServer server;

    private LocalKms(Map<String, LocalKeyFileSigner> keys) {
        this.keys = Map.copyOf(keys);
    }

    /**
     * @param port 0 for any free port
     * @param keys key material by key ARN
     */
    public static LocalKms start(int port, Map<String, LocalKeyFileSigner> keys) {
        var kms = new LocalKms(keys);
        kms.server = LoopbackHttpServer.start(port, "/", "local-kms", kms::handle);
        return kms;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How many requests for this operation (e.g. "Sign") reached the endpoint. */
    public int callCount(String operation) {
        return calls.getOrDefault(operation, new AtomicInteger()).get();
    }

    /**
     * The access key ids requests were signed with ({@code Credential=<id>/…} of their SigV4
     * {@code Authorization} header), so a test can tell which credentials a client took.
     */
    public Set<String> accessKeyIds() {
        return Set.copyOf(accessKeyIds);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var credential = CREDENTIAL.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            if (credential.find()) {
                accessKeyIds.add(credential.group(1));
            }
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            calls.computeIfAbsent(target.replace(TARGET_PREFIX, ""), k -> new AtomicInteger()).incrementAndGet();
            var request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String keyId = request.path("KeyId").asText();
            var key = keys.get(keyId);
            if (key == null) {
                LocalRekognition.respond(exchange, 400, error("NotFoundException",
                        "Key '" + keyId + "' does not exist (this local KMS holds " + keys.keySet() + ")"));
                return;
            }
            switch (target.replace(TARGET_PREFIX, "")) {
                case "Sign" -> LocalRekognition.respond(exchange,
                        "ECDSA_SHA_256".equals(request.path("SigningAlgorithm").asText()) ? 200 : 400,
                        sign(keyId, key, request));
                case "GetPublicKey" -> LocalRekognition.respond(exchange, 200, JSON.createObjectNode()
                        .put("KeyId", keyId)
                        .put("KeySpec", "ECC_NIST_P256")
                        .put("KeyUsage", "SIGN_VERIFY")
                        .put("PublicKey", Base64.getEncoder().encodeToString(key.evidenceKey().publicKey().getEncoded()))
                        .set("SigningAlgorithms", JSON.createArrayNode().add("ECDSA_SHA_256")));
                default -> LocalRekognition.respond(exchange, 400, error("UnknownOperationException", target));
            }
        }
    }

    /** KMS's ECDSA_SHA_256 over a message, or over its SHA-256 digest when MessageType is DIGEST. */
    private static ObjectNode sign(String keyId, LocalKeyFileSigner key, JsonNode request) {
        if (!"ECDSA_SHA_256".equals(request.path("SigningAlgorithm").asText())) {
            return error("InvalidKeyUsageException", "this key signs with ECDSA_SHA_256 only");
        }
        byte[] message = Base64.getDecoder().decode(request.path("Message").asText());
        byte[] signature = "DIGEST".equals(request.path("MessageType").asText())
                ? key.signDigest(message) : key.sign(message);
        return JSON.createObjectNode()
                .put("KeyId", keyId)
                .put("SigningAlgorithm", "ECDSA_SHA_256")
                .put("Signature", Base64.getEncoder().encodeToString(signature));
    }

    private static ObjectNode error(String type, String message) {
        return JSON.createObjectNode().put("__type", type).put("message", message);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
