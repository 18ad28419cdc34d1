package com.biometriclogger.local.stack;

import com.biometriclogger.local.facebackend.DecodedImage;
import com.biometriclogger.local.facebackend.FaceDetectionBackend;
import com.biometriclogger.local.facebackend.RekognitionError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A Rekognition-compatible endpoint on loopback speaking the service's real wire protocol
 * (awsJson1.1: {@code POST /}, operation in {@code X-Amz-Target}), so the real
 * {@code RekognitionClient} talks to it unchanged. It validates images the way the service does,
 * before any backend answers (size limits, a JPEG or PNG that decodes completely), and answers
 * errors in the service's JSON error shape.
 *
 * <p>Faults can be injected on chosen calls ({@link #failNext}) to test retries over the wire.
 */
public final class LocalRekognition implements AutoCloseable {

    static final long MAX_INLINE_BYTES = 5L * 1024 * 1024;
    static final long MAX_S3_OBJECT_BYTES = 15L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET_PREFIX = "RekognitionService.";

    private HttpServer server;
    private final FaceDetectionBackend backend;
    private final S3Client s3;
    private final Deque<RekognitionError> injectedFaults = new ArrayDeque<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger faultsInjected = new AtomicInteger();
    private Random random;
    private double faultRate;
    private RekognitionError[] randomFaults = new RekognitionError[0];

    private LocalRekognition(FaceDetectionBackend backend, S3Client s3) {
        this.backend = backend;
        this.s3 = s3;
    }

    /**
     * @param port 0 for any free port
     * @param s3   resolves {@code Image.S3Object} references; may be null when only inline bytes are sent
     */
    public static LocalRekognition start(int port, FaceDetectionBackend backend, S3Client s3) {
        var endpoint = new LocalRekognition(backend, s3);
        endpoint.server = LoopbackHttpServer.start(port, "/", "local-rekognition", endpoint::handle);
        return endpoint;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The next {@code times} calls, of any operation, answer with the given error. */
    public synchronized void failNext(int times, RekognitionError fault) {
        for (int i = 0; i < times; i++) {
            injectedFaults.add(fault);
        }
    }

    /** Each later call fails with probability {@code rate}, with one of the errors (seeded, so repeatable). */
    public synchronized void failRandomly(double rate, long seed, RekognitionError... faults) {
        this.faultRate = rate;
        this.random = new Random(seed);
        this.randomFaults = faults.clone();
    }

    public int faultsInjected() {
        return faultsInjected.get();
    }

    /** How many requests for this operation (e.g. "DetectFaces") reached the endpoint. */
    public int callCount(String operation) {
        return calls.getOrDefault(operation, new AtomicInteger()).get();
    }

    private synchronized RekognitionError nextInjectedFault() {
        var fault = injectedFaults.poll();
        if (fault == null && random != null && random.nextDouble() < faultRate) {
            fault = randomFaults[random.nextInt(randomFaults.length)];
        }
        if (fault != null) {
            faultsInjected.incrementAndGet();
        }
        return fault;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
            String operation = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target;
            calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                var fault = nextInjectedFault();
                if (fault != null) {
                    throw fault;
                }
                if (!"POST".equals(exchange.getRequestMethod())) {
                    throw new RekognitionError(400, "UnknownOperationException", "only POST is supported");
                }
                respond(exchange, 200, dispatch(operation, JSON.readTree(body)));
            } catch (RekognitionError error) {
                var payload = JSON.createObjectNode().put("__type", error.type()).put("message", error.getMessage());
                respond(exchange, error.status(), payload);
            }
        }
    }

    private ObjectNode dispatch(String operation, JsonNode request) throws RekognitionError {
        if ("DetectFaces".equals(operation)) {
            List<String> attributes = new ArrayList<>();
            request.path("Attributes").forEach(a -> attributes.add(a.asText()));
            return backend.detectFaces(image(request.path("Image")), attributes);
        }
        if ("CompareFaces".equals(operation)) {
            return backend.compareFaces(image(request.path("SourceImage")), image(request.path("TargetImage")),
                    (float) request.path("SimilarityThreshold").asDouble(80));
        }
        throw new RekognitionError(400, "UnknownOperationException", operation + " is not implemented by the local endpoint");
    }

    private DecodedImage image(JsonNode image) throws RekognitionError {
        byte[] bytes;
        if (image.hasNonNull("Bytes")) {
            bytes = Base64.getDecoder().decode(image.get("Bytes").asText());
            if (bytes.length > MAX_INLINE_BYTES) {
                throw RekognitionError.imageTooLarge("Image size is too large: " + bytes.length + " bytes");
            }
        } else if (image.hasNonNull("S3Object")) {
            bytes = readS3Object(image.get("S3Object"));
            if (bytes.length > MAX_S3_OBJECT_BYTES) {
                throw RekognitionError.imageTooLarge("Image size is too large: " + bytes.length + " bytes");
            }
        } else {
            throw RekognitionError.invalidParameter();
        }
        return DecodedImage.of(bytes);
    }

    private byte[] readS3Object(JsonNode object) throws RekognitionError {
        if (s3 == null) {
            throw new RekognitionError(400, "InvalidS3ObjectException", "Unable to get object metadata from S3");
        }
        try {
            return s3.getObjectAsBytes(b -> b.bucket(object.path("Bucket").asText())
                    .key(object.path("Name").asText())
                    .versionId(object.hasNonNull("Version") ? object.get("Version").asText() : null))
                    .asByteArray();
        } catch (NoSuchKeyException e) {
            throw new RekognitionError(400, "InvalidS3ObjectException", "Unable to get object metadata from S3. Check object key, region and/or access permissions.");
        } catch (S3Exception e) {
            throw new RekognitionError(400, "InvalidS3ObjectException", "Unable to get object from S3: " + e.statusCode());
        }
    }

    /** An awsJson1.1 answer, as every AWS JSON-protocol service sends it. */
    static void respond(HttpExchange exchange, int status, JsonNode payload) throws IOException {
        byte[] bytes = JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
