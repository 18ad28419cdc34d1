package com.biometriclogger.local.tools;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.biometriclogger.aws.AwsClients;
import com.biometriclogger.config.Settings;
import com.biometriclogger.decision.RetryableDecisionException;
import com.biometriclogger.handler.ChangeAlarmHandler;
import com.biometriclogger.handler.DecisionHandler;
import com.biometriclogger.handler.MalformedEventException;
import com.biometriclogger.handler.SealHandler;
import com.biometriclogger.local.stack.LocalContext;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.local.stack.S3Events;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code invoke}: one function invocation on one event, like {@code sam local invoke -e}, with the
 * given environment (the {@code --serve} exports, or AWS). The seal function's scheduled event
 * runs the sealer, a DynamoDB stream event the change alarm; an S3 event runs the verification
 * handler, optionally retargeted at another bucket or built for an object that is really there.
 */
final class LocalInvoke {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param eventFiles {@code events/} files, invoked in turn as one warm container would be; empty with {@code key}
     * @param key        an object in the bucket: the notification is built from its current version, as S3 would send it
     * @param bucket     the bucket the records name instead of the file's (default with {@code key}: {@code UPLOAD_BUCKET})
     */
    record Request(List<Path> eventFiles, String key, String bucket) {
        Request {
            eventFiles = List.copyOf(eventFiles);
        }
    }

    private LocalInvoke() {
    }

    /**
     * Several files: each result under a {@code == FILE} line, an error as one {@code error:} line,
     * the next file invoked all the same.
     *
     * @return 0 when every record was handled, 1 when a record failed (Lambda would retry) or an event cannot be read
     */
    static int run(Request request, Map<String, String> env, PrintStream out) {
        var functions = new Functions(env);
        if (request.key() != null) {
            return verify(objectEvent(request, env), functions.verification(), out);
        }
        if (request.eventFiles().size() == 1) {
            return invoke(request.eventFiles().get(0), request.bucket(), functions, out);
        }
        int status = 0;
        for (Path file : request.eventFiles()) {
            out.println("== " + file);
            try {
                status = Math.max(status, invoke(file, request.bucket(), functions, out));
            } catch (RuntimeException e) {
                // Any failure (configuration, an unreachable endpoint, a malformed event) is this file's alone.
                out.println("error: " + firstLine(e.getMessage()));
                status = 1;
            }
            out.println();
        }
        return status;
    }

    /** The two functions, each built on first use only, as Lambda builds one per container. */
    private static final class Functions {
        private final Map<String, String> env;
        private DecisionHandler verification;
        private SealHandler seal;
        private ChangeAlarmHandler changeAlarm;

        Functions(Map<String, String> env) {
            this.env = env;
        }

        DecisionHandler verification() {
            if (verification == null) {
                verification = DecisionHandler.fromEnvironment(env);
            }
            return verification;
        }

        ChangeAlarmHandler changeAlarm() {
            if (changeAlarm == null) {
                changeAlarm = ChangeAlarmHandler.fromEnvironment(env);
            }
            return changeAlarm;
        }

        SealHandler seal() {
            if (seal == null) {
                seal = SealHandler.fromEnvironment(env, Clock.systemUTC());
            }
            return seal;
        }
    }

    private static int invoke(Path file, String bucket, Functions functions, PrintStream out) {
        JsonNode tree = readTree(file);
        if ("Scheduled Event".equals(tree.path("detail-type").asText())) {
            out.println(json(functions.seal().handleRequest(Map.of(), new LocalContext(UUID.randomUUID().toString()))));
            return 0;
        }
        if ("aws:dynamodb".equals(tree.path("Records").path(0).path("eventSource").asText())) {
            out.println(json(functions.changeAlarm().handleRequest(deserialised(file, DynamodbEvent.class),
                    new LocalContext(UUID.randomUUID().toString()))));
            return 0;
        }
        Map<String, Object> event = s3Event(file, tree);
        if (bucket != null) {
            inBucket(event, bucket);
        }
        return verify(event, functions.verification(), out);
    }

    /** Points every record at the local bucket, so a sample event names an object this stack could hold. */
    @SuppressWarnings("unchecked")
    private static void inBucket(Map<String, Object> event, String bucket) {
        if (event.get("Records") instanceof List<?> records) {
            for (Object record : records) {
                if (record instanceof Map<?, ?> r && r.get("s3") instanceof Map<?, ?> s3 && s3.get("bucket") instanceof Map<?, ?> b) {
                    ((Map<String, Object>) b).put("name", bucket);
                }
            }
        }
    }

    private static int verify(Map<String, Object> event, DecisionHandler handler, PrintStream out) {
        try {
            out.println(json(handler.handleRequest(event, new LocalContext(UUID.randomUUID().toString()))));
            return 0;
        } catch (RetryableDecisionException e) {
            out.println(json(e.report()));
            throw new IllegalStateException(e.getMessage() + " (Lambda would retry this event)", e);
        } catch (MalformedEventException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The notification S3 sends for the object's current version; a missing object is an error, not an event. */
    private static Map<String, Object> objectEvent(Request request, Map<String, String> env) {
        String bucket = request.bucket() != null ? request.bucket() : env.get("UPLOAD_BUCKET");
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalStateException("invoke --key needs the bucket: --bucket NAME or UPLOAD_BUCKET");
        }
        try (var s3 = new AwsClients(Settings.awsAccess(env)).s3()) {
            var head = s3.headObject(b -> b.bucket(bucket).key(request.key()));
            var record = S3Events.objectCreated(env.getOrDefault("AWS_REGION", LocalStack.REGION), bucket, request.key(),
                    head.contentLength(), head.eTag(), head.versionId(), System.currentTimeMillis() << 8);
            return S3Events.delivered(S3Events.event(record));
        } catch (SdkException e) {
            throw new IllegalStateException("cannot read s3://" + bucket + "/" + request.key() + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode readTree(Path file) {
        try {
            return JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read event file " + file + ": " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * As the Lambda runtime hands it to the function, which takes any JSON object as maps (see
     * {@code DecisionHandler}); a JSON array the runtime refuses before the function runs.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> s3Event(Path file, JsonNode tree) {
        if (!tree.isObject()) {
            throw new IllegalStateException(file + " is not a JSON object: the Lambda runtime refuses it before the function runs");
        }
        return JSON.convertValue(tree, Map.class);
    }

    /**
     * As the Lambda runtime deserialises it. The serializer is asked for with the class loader that
     * holds the project's classes: under {@code exec:java} that is not the system class loader,
     * which {@code EventLoader} uses.
     */
    private static <T> T deserialised(Path file, Class<T> type) {
        try {
            return LambdaEventSerializers.serializerFor(type, LocalInvoke.class.getClassLoader())
                    .fromJson(new ByteArrayInputStream(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jackson and the SDK go on over several lines: the first says what is wrong. */
    static String firstLine(String message) {
        return String.valueOf(message).lines().findFirst().orElse("");
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
