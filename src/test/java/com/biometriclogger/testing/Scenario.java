package com.biometriclogger.testing;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.biometriclogger.decision.DecisionReport;
import com.biometriclogger.handler.DecisionHandler;
import com.biometriclogger.handler.Wiring;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.LocalContext;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.local.stack.S3Events;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** One test's view of the local stack (see {@link LocalStackExtension}): its own audit table, bucket and face recording, the real handler. */
public final class Scenario {

    /** The bucket every file in {@code events/} names; {@link #eventFile} points those records at the scenario's own. */
    public static final String EVENTS_BUCKET = "biometric-logger-uploads-123456789012";

    private static final AtomicLong SEQUENCER = new AtomicLong(0x0055AED6DCD90000L);

    private final LocalStack stack;
    private final RecordedFaces faces;
    private final String bucket;
    private final String table;

    Scenario(LocalStack stack, RecordedFaces faces, String bucket, String table) {
        this.stack = stack;
        this.faces = faces;
        this.bucket = bucket;
        this.table = table;
    }

    public LocalStack stack() {
        return stack;
    }

    public RecordedFaces faces() {
        return faces;
    }

    public String bucket() {
        return bucket;
    }

    public String table() {
        return table;
    }

    /** The same stack, bucket and recording with a second audit table of its own (one that starts empty). */
    public Scenario withAnotherTable() {
        var another = table + "-another";
        stack.createAuditTable(another);
        return new Scenario(stack, faces, bucket, another);
    }

    public Map<String, String> environment() {
        return stack.functionEnvironment(bucket, table);
    }

    /** The real handler, wired by the same factory Lambda uses, pointed at the local stack. */
    public DecisionHandler handler() {
        return handler(Map.of());
    }

    /** The same, with some variables changed (an endpoint through a fault proxy, a bucket…). */
    public DecisionHandler handler(Map<String, String> overrides) {
        Map<String, String> env = new java.util.HashMap<>(environment());
        env.putAll(overrides);
        return DecisionHandler.fromEnvironment(env);
    }

    /** The real handler deciding as if at {@code at}: a ledger that spans hours, without waiting for them. */
    public DecisionHandler handlerAt(Instant at) {
        return handlerAt(at, Map.of());
    }

    /** The same, with some variables changed. */
    public DecisionHandler handlerAt(Instant at, Map<String, String> overrides) {
        Map<String, String> env = new java.util.HashMap<>(environment());
        env.putAll(overrides);
        return DecisionHandler.fromEnvironment(env, Wiring.Seams.NONE.withClock(Clock.fixed(at, ZoneOffset.UTC)));
    }

    /** Uploads an image that shows one clear face matching its subject's reference, and lets {@code handler} decide it. */
    public DecisionReport decideMatching(DecisionHandler handler, String key, long seed) {
        byte[] image = TestImages.jpeg(seed);
        faces.respond(image, "one-clear-face.json");
        faces.respondToComparison(image, "compare-match.json");
        return invoke(handler, S3Events.event(upload(key, image)));
    }

    public DecisionReport invoke(S3Event event) {
        return invoke(handler(), event);
    }

    public static DecisionReport invoke(DecisionHandler handler, S3Event event) {
        return invoke(handler, S3Events.delivered(event));
    }

    /** Any event, as the runtime hands it over (see {@link #eventJson}). */
    public static DecisionReport invoke(DecisionHandler handler, Map<String, Object> event) {
        return handler.handleRequest(event, new LocalContext(UUID.randomUUID().toString()));
    }

    /** An {@code events/} file read as the Lambda runtime reads the function's input: JSON into maps. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> eventJson(String file) {
        return EventLoader.loadEvent("events/" + file, Map.class);
    }

    public PutObjectResponse put(String key, byte[] content) {
        return stack.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content));
    }

    /** Uploads {@code content} and returns the notification S3 would send for it. */
    public S3EventNotificationRecord upload(String key, byte[] content) {
        return S3Events.objectCreated(LocalStack.REGION, bucket, key, content.length, put(key, content),
                SEQUENCER.incrementAndGet());
    }

    /**
     * Loads an {@code events/} file as the Lambda runtime would, uploads {@code contents[i]} under
     * record i's key in this scenario's bucket and pins the record to the version that upload created. A record repeating an
     * earlier one (same key, same version id in the file) is pinned to the same upload.
     */
    public S3Event eventFile(String file, byte[]... contents) {
        S3Event loaded = EventLoader.loadS3Event("events/" + file);
        List<S3EventNotificationRecord> pinned = new ArrayList<>();
        for (int i = 0; i < loaded.getRecords().size(); i++) {
            var record = loaded.getRecords().get(i);
            var earlier = earlierTwin(loaded.getRecords(), i);
            if (earlier >= 0) {
                pinned.add(pinned.get(earlier));
                continue;
            }
            var put = put(record.getS3().getObject().getUrlDecodedKey(), contents[i]);
            var stored = S3Events.pinnedTo(record, contents[i].length, put, SEQUENCER.incrementAndGet());
            pinned.add(EVENTS_BUCKET.equals(record.getS3().getBucket().getName()) ? S3Events.inBucket(stored, bucket) : stored);
        }
        return S3Events.event(pinned);
    }

    private static int earlierTwin(List<S3EventNotificationRecord> records, int index) {
        var object = records.get(index).getS3().getObject();
        for (int i = 0; i < index; i++) {
            var other = records.get(i).getS3().getObject();
            if (other.getKey().equals(object.getKey()) && other.getVersionId().equals(object.getVersionId())) {
                return i;
            }
        }
        return -1;
    }

    /** Every item of this scenario's audit table, as DynamoDB returns them (ordered by object key; erasure records, which have none, by id). */
    public List<Map<String, AttributeValue>> auditItems() {
        return stack.dynamoDb().scanPaginator(b -> b.tableName(table).consistentRead(true)).items().stream()
                .sorted(Comparator.comparing(item -> item.getOrDefault("objectKey", item.get("attemptId")).s()))
                .toList();
    }

    /** The only audit item; fails unless there is exactly one. */
    public Map<String, String> onlyAuditItem() {
        var items = auditItems();
        if (items.size() != 1) {
            throw new AssertionError("expected exactly one audit item, found " + items.size() + ": " + items);
        }
        return asStrings(items.get(0));
    }

    /** The item's attributes as strings; fails if any attribute is not of type S. */
    public static Map<String, String> asStrings(Map<String, AttributeValue> item) {
        Map<String, String> strings = new java.util.TreeMap<>();
        item.forEach((name, value) -> {
            if (value.s() == null) {
                throw new AssertionError("attribute " + name + " is not a String: " + value);
            }
            strings.put(name, value.s());
        });
        return strings;
    }
}
