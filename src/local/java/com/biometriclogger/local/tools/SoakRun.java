package com.biometriclogger.local.tools;

import static com.biometriclogger.decision.AuditAttribute.*;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.biometriclogger.aws.DynamoDbEvidenceTable;
import com.biometriclogger.decision.DecisionReport;
import com.biometriclogger.decision.DecisionReport.Outcome;
import com.biometriclogger.decision.RetryableDecisionException;
import com.biometriclogger.evidence.EvidenceKey;
import com.biometriclogger.evidence.SignatureCheck;
import com.biometriclogger.handler.DecisionHandler;
import com.biometriclogger.local.facebackend.FixedFaceBackend;
import com.biometriclogger.local.facebackend.RekognitionError;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.FaultyHttpProxy;
import com.biometriclogger.local.stack.FaultyHttpProxy.Fault;
import com.biometriclogger.local.stack.LocalContext;
import com.biometriclogger.local.stack.LocalKeyFileSigner;
import com.biometriclogger.local.stack.LocalKms;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.util.Sha256;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The at-least-once soak: N uploads delivered the way S3 and Lambda deliver them (events of one to
 * five records, some delivered twice or repeating a record, failed invocations retried), by several
 * "containers" at once, while Rekognition and DynamoDB fail a chosen share of calls at the wire. At
 * the end every upload must have exactly one audit item whose hash is that of its bytes, and what
 * each upload cost is counted at the local endpoints: DetectFaces answers per upload and
 * {@code kms:Sign} calls per item.
 */
public final class SoakRun {

    /** Lambda retries a failed asynchronous invocation twice; operators redrive the dead letters. */
    private static final int MAX_DELIVERIES_PER_EVENT = 20;
    private static final int CONTAINERS = 4;
    private static final int MAX_RECORDS_PER_EVENT = 5;

    /**
     * @param judgedAgain      DetectFaces answers beyond one per upload: a record judged again after its
     *                         invocation failed before the write, or by a duplicate delivery in flight
     *                         at the same time; never a redelivery of an upload already audited
     * @param writtenMeanwhile duplicates found only at the write-once condition (a concurrent delivery,
     *                         or a write whose answer the injected fault dropped)
     * @param signCalls   {@code kms:Sign} calls at the local KMS, one per item signed
     */
    public record Result(int uploads, int events, int deliveries, int items, int duplicatesPrevented, int faultsInjected,
                         int failedInvocations, int missing, int duplicated, int hashMismatches, int badSignatures,
                         int deadLettered, int detectFacesAnswers, int judgedAgain, int writtenMeanwhile, int signCalls,
                         double seconds) {

        public double throughput() {
            return uploads / seconds;
        }

        public String table() {
            return String.format("""
                    uploads              %d
                    events               %d (1 to %d records each, some repeating a record)
                    deliveries           %d (including duplicate deliveries and retries)
                    items                %d
                    duplicates prevented %d
                    faults injected      %d
                    retries              %d (invocations that failed and were delivered again)
                    dead-lettered        %d
                    items missing        %d (must be 0)
                    items duplicated     %d (must be 0)
                    hash mismatches      %d (must be 0)
                    bad signatures       %d (must be 0)
                    DetectFaces answers  %d (%.2f per upload; %d beyond one, by deliveries in flight together or retried after a failure)
                    found at the write   %d (duplicates the pre-check could not see yet, or a write whose answer was dropped)
                    kms:Sign calls       %d (%.2f per item)
                    throughput           %.1f uploads/s over %.1f s""",
                    uploads, events, MAX_RECORDS_PER_EVENT, deliveries, items, duplicatesPrevented, faultsInjected,
                    failedInvocations, deadLettered, missing, duplicated, hashMismatches, badSignatures,
                    detectFacesAnswers, (double) detectFacesAnswers / uploads, judgedAgain, writtenMeanwhile,
                    signCalls, items == 0 ? 0 : (double) signCalls / items, throughput(), seconds);
        }
    }

    private SoakRun() {
    }

    public static Result run(int uploads, double faultRate, long seed) {
        long started = System.nanoTime();
        var random = new Random(seed);
        var faces = FixedFaceBackend.countingAnswers();
        try (var stack = LocalStack.start(faces);
             var dynamoFaults = FaultyHttpProxy.start(stack.dynamoDbEndpoint())) {
            String bucket = "soak-uploads";
            String table = "soak-audit";
            stack.createUploadBucket(bucket);
            stack.createAuditTable(table);
            stack.rekognition().failRandomly(faultRate, seed, RekognitionError.throttling(), RekognitionError.internal());
            dynamoFaults.failRandomly(op -> op.endsWith(".PutItem"), faultRate, seed + 1,
                    Fault.dropAfterForwarding(),
                    Fault.respond(500, "application/x-amz-json-1.0",
                            "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"injected\"}"));
            Map<String, String> env = new HashMap<>(stack.functionEnvironment(bucket, table));
            env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoFaults.endpoint().toString());

            Map<String, String> expectedHash = new HashMap<>();
            var deliveries = new ConcurrentLinkedQueue<Delivery>();
            List<S3EventNotificationRecord> event = new ArrayList<>();
            int eventSize = 1 + random.nextInt(MAX_RECORDS_PER_EVENT);
            int events = 0;
            for (int i = 0; i < uploads; i++) {
                byte[] image = TestImages.jpeg(random.nextLong());
                String key = "uploads/soak/" + i + ".jpg";
                var put = stack.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(image));
                var record = S3Events.objectCreated(LocalStack.REGION, bucket, key, image.length, put, i + 1L);
                expectedHash.put(key + "#" + put.versionId(), Sha256.hex(image));
                if (random.nextDouble() < faultRate / 10) {
                    // Outlasts the SDK's retries, so the invocation fails and the event comes again.
                    faces.throttleFirst(Sha256.hex(image), 6);
                }
                event.add(record);
                if (event.size() == eventSize || i == uploads - 1) {
                    if (random.nextDouble() < faultRate) {
                        event.add(event.get(random.nextInt(event.size())));
                    }
                    deliveries.add(new Delivery(List.copyOf(event), 1));
                    if (random.nextDouble() < faultRate) {
                        deliveries.add(new Delivery(List.copyOf(event), 1));
                    }
                    events++;
                    event.clear();
                    eventSize = 1 + random.nextInt(MAX_RECORDS_PER_EVENT);
                }
            }
            var counts = deliver(deliveries, env);
            int answers = expectedHash.values().stream().mapToInt(faces::answered).sum();
            int judgedAgain = expectedHash.values().stream().mapToInt(hash -> Math.max(0, faces.answered(hash) - 1)).sum();

            var items = AuditTablePrinter.scan(stack.dynamoDb(), table);
            Map<String, Integer> itemsPerUpload = new HashMap<>();
            int mismatches = 0;
            for (var item : items) {
                String id = item.get(OBJECT_KEY.stored()).s() + "#" + item.get(VERSION_ID.stored()).s();
                itemsPerUpload.merge(id, 1, Integer::sum);
                if (!item.get(SHA256.stored()).s().equals(expectedHash.get(id))) {
                    mismatches++;
                }
            }
            int missing = (int) expectedHash.keySet().stream().filter(id -> !itemsPerUpload.containsKey(id)).count();
            int duplicated = (int) itemsPerUpload.values().stream().filter(n -> n > 1).count();
            return new Result(uploads, events, counts.deliveries().get(), items.size(), counts.duplicates().get(),
                    stack.rekognition().faultsInjected() + faces.faultsInjected() + dynamoFaults.faultsInjected(), counts.failed().get(), missing,
                    duplicated, mismatches, badSignatures(stack, table), counts.deadLettered().get(), answers, judgedAgain,
                    counts.writtenMeanwhile().get(),
                    stack.kms().callCount("Sign"), (System.nanoTime() - started) / 1e9);
        }
    }

    private record Delivery(List<S3EventNotificationRecord> records, int attempt) {
    }

    /** Items whose signature does not hold under the stack's KMS key, read as verify reads them: retries must never write one. */
    private static int badSignatures(LocalStack stack, String table) {
        var publicKey = LocalKeyFileSigner.load(stack.signingKeyFile()).evidenceKey().publicKey();
        var signatures = new SignatureCheck(List.of(new EvidenceKey(LocalKms.KEY_ARN, publicKey)));
        var bad = new AtomicInteger();
        new DynamoDbEvidenceTable(stack.dynamoDb()).scan(table, page -> page.forEach(item -> {
            if (!signatures.item(item).signatureHolds()) {
                bad.incrementAndGet();
            }
        }));
        return bad.get();
    }

    private record Counts(AtomicInteger deliveries, AtomicInteger duplicates, AtomicInteger failed,
                          AtomicInteger deadLettered, AtomicInteger writtenMeanwhile) {
    }

    private static Counts deliver(ConcurrentLinkedQueue<Delivery> queue, Map<String, String> env) {
        var counts = new Counts(new AtomicInteger(), new AtomicInteger(), new AtomicInteger(), new AtomicInteger(),
                new AtomicInteger());
        ExecutorService containers = Executors.newFixedThreadPool(CONTAINERS);
        var inFlight = new AtomicInteger();
        for (int c = 0; c < CONTAINERS; c++) {
            containers.execute(() -> {
                var handler = DecisionHandler.fromEnvironment(env);
                while (true) {
                    var delivery = queue.poll();
                    if (delivery == null) {
                        if (inFlight.get() == 0 && queue.isEmpty()) {
                            return;
                        }
                        Thread.onSpinWait();
                        continue;
                    }
                    inFlight.incrementAndGet();
                    try {
                        deliverOnce(handler, delivery, queue, counts);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                }
            });
        }
        containers.shutdown();
        try {
            if (!containers.awaitTermination(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the soak did not finish in 30 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return counts;
    }

    private static void deliverOnce(DecisionHandler handler, Delivery delivery, ConcurrentLinkedQueue<Delivery> queue,
                                    Counts counts) {
        counts.deliveries().incrementAndGet();
        DecisionReport report;
        try {
            report = handler.handleRequest(S3Events.delivered(S3Events.event(delivery.records())),
                    new LocalContext(UUID.randomUUID().toString()));
        } catch (RetryableDecisionException e) {
            report = e.report();
            counts.failed().incrementAndGet();
            if (delivery.attempt() < MAX_DELIVERIES_PER_EVENT) {
                queue.add(new Delivery(delivery.records(), delivery.attempt() + 1));
            } else {
                counts.deadLettered().incrementAndGet();
            }
        }
        counts.duplicates().addAndGet((int) report.count(Outcome.DUPLICATE));
        counts.writtenMeanwhile().addAndGet((int) report.results().stream()
                .filter(r -> DecisionReport.RecordResult.WRITTEN_MEANWHILE.equals(r.detail())).count());
    }

    /** {@code mvn -q test-compile exec:java@soak -Dexec.args="--uploads 1000 --fault-rate 0.1"} */
    public static void main(String[] args) {
        int uploads = 1000;
        double faultRate = 0.1;
        long seed = 42;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--uploads" -> uploads = Integer.parseInt(args[i + 1]);
                case "--fault-rate" -> faultRate = Double.parseDouble(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (use --uploads N --fault-rate R --seed S)");
            }
        }
        if (System.getProperty("LOG_LEVEL") == null && System.getenv("LOG_LEVEL") == null) {
            System.setProperty("LOG_LEVEL", "OFF");
        }
        var result = run(uploads, faultRate, seed);
        System.out.printf("soak: %d uploads, %.0f %% transient faults at the wire (Rekognition and DynamoDB), seed %d, %d containers%n",
                uploads, faultRate * 100, seed, CONTAINERS);
        System.out.println(result.table());
        if (result.missing() + result.duplicated() + result.hashMismatches() + result.badSignatures() > 0) {
            System.exit(1);
        }
    }
}
