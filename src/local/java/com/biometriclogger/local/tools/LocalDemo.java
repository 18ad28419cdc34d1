package com.biometriclogger.local.tools;

import static com.biometriclogger.decision.AuditAttribute.ATTEMPT_ID;
import static com.biometriclogger.decision.AuditAttribute.DECISION;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.biometriclogger.decision.Decision;
import com.biometriclogger.decision.DecisionReport;
import com.biometriclogger.decision.DecisionReport.Outcome;
import com.biometriclogger.decision.ReviewRecord;
import com.biometriclogger.evidence.SealPeriod;
import com.biometriclogger.local.facebackend.FaceDetectionBackend;
import com.biometriclogger.local.faces.ModelFaceBackend;
import com.biometriclogger.local.stack.LocalEvidence;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.util.Plural;
import com.biometriclogger.util.TextWrap;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The local main job without arguments: the bundled samples through the real handler, the audit table, the evidence check. */
final class LocalDemo {

    /** The verify report as a page (docs/report.md): of the tampered copy in memory, else of the table. */
    static final Path REPORT = Path.of("target", "local-report.html");

    /**
     * How far back the in-memory demo dates its decisions (all but the last): their hour is then over
     * and can be sealed, the hour after it is the next the sealer would seal, and the current hour holds
     * a decision no seal covers yet, as in a deployment, so that the tampered copy can show each.
     */
    private static final Duration DATED_BACK = Duration.ofHours(2);

    /** Who the demo's review is recorded as ({@code --reviewed-by}; on AWS, the reviewer role's ARN). */
    private static final String REVIEWER = "local-reviewer";

    private LocalDemo() {
    }

    static int run(LocalOptions options, PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        Path dataDir = LocalMain.usableDataDir(options.dataDir());
        // The models take seconds to load on a busy machine: say at once that something is happening.
        out.println("starting the local stack on loopback (S3, DynamoDB, Rekognition with face models, KMS, SNS)");
        boolean detectOnly = options.detectOnly();
        var uploads = detectOnly ? DemoUploads.detectOnly() : DemoUploads.verify();
        FaceDetectionBackend models = ModelFaceBackend.withSharedModels();
        try (var stack = LocalMain.startStack(detectOnly ? models : DemoUploads.fixing(models, uploads), LocalStack.Ports.ANY,
                dataDir)) {
            LocalMain.createUploadBucket(stack, out);
            out.println(LocalProfile.explanation(detectOnly));
            var live = LocalMain.handler(stack, detectOnly, Clock.systemUTC());
            // In memory, all but the last decision are dated two hours back, so that their hour is over and
            // sealed as a deployment seals it, and the last is left in its hour, not sealed yet, as deployed.
            var datedBack = dataDir != null ? live
                    : LocalMain.handler(stack, detectOnly, Clock.offset(Clock.systemUTC(), DATED_BACK.negated()));
            Map<String, Long> outcomes = new TreeMap<>();
            long sequence = System.currentTimeMillis() << 8;
            S3EventNotificationRecord last = null;
            for (int i = 0; i < uploads.size(); i++) {
                var upload = uploads.get(i);
                var put = stack.s3().putObject(b -> b.bucket(LocalMain.BUCKET).key(upload.key()), RequestBody.fromBytes(upload.bytes()));
                last = S3Events.objectCreated(LocalStack.REGION, LocalMain.BUCKET, upload.key(), upload.bytes().length, put, ++sequence);
                var result = LocalMain.deliver(i == uploads.size() - 1 ? live : datedBack, last);
                out.println("  judged " + LocalMain.judged(last, result));
                count(outcomes, result);
            }
            // S3 delivers at least once: the same notification again must not make a second item.
            count(outcomes, LocalMain.deliver(live, last));
            var items = AuditTablePrinter.scan(stack.dynamoDb(), LocalMain.TABLE);
            out.println();
            AuditTablePrinter.print(items, out);
            out.println();
            out.println(TextWrap.wrap("", "  ", uploads.size() + " images, " + (uploads.size() + 1) + " deliveries: " + outcomes));
            out.printf("%d items in %s; %.1f s%n", items.size(), LocalMain.TABLE, (System.nanoTime() - started) / 1e9);
            if (!detectOnly) {
                review(stack, items, out, err);
            }
            showEvidence(stack, dataDir != null, out, err);
        }
        return 0;
    }

    /**
     * Seals, verifies the table, then verifies a tampered copy. In memory the demo seals the hour its
     * decisions are dated in ({@link #DATED_BACK}); with a data directory, whose decisions are dated when
     * made, only finished hours are sealed, as deployed.
     */
    private static void showEvidence(LocalStack stack, boolean persistent, PrintStream out, PrintStream err) {
        out.println();
        var sealer = LocalEvidence.sealer(stack, LocalMain.TABLE, Clock.systemUTC());
        var sealed = persistent ? sealer.sealDue()
                : sealer.sealThrough(SealPeriod.containing(Instant.now().minus(DATED_BACK)).end());
        out.println(TextWrap.wrap("", "  ", String.format("sealed %s covering %s%s", Plural.of(sealed.sealedPeriods().size(),
                "hour"), Plural.of(sealed.itemsSealed(), "item"), persistent ? " (finished hours only, as deployed)"
                        : " (the demo dated all decisions but the last " + DATED_BACK.toHours() + " hours back, so "
                        + "their hour is over and sealed, as a deployment seals each hour 5 minutes after it ends; "
                        + "the last waits for its hour's seal)")));
        out.println();
        out.println(TextWrap.wrap("", "  ", "verify --rederive on " + LocalMain.TABLE
                + " (target/bin/verify runs the same against --serve's stack):"));
        LocalEvidence.verify(stack, LocalMain.TABLE, out, err, persistent ? new String[] {"--rederive", "--html", REPORT.toString()}
                : new String[] {"--rederive"});
        if (!persistent) {
            out.println();
            String copy = LocalMain.TABLE + "-tampered";
            out.println(TextWrap.wrap("", "  ", "verify finding deliberate tampering: a copy, " + copy
                    + ", changed as insiders could:"));
            LocalEvidence.tamperedCopy(stack, LocalMain.TABLE, copy).forEach(change -> out.println(TextWrap.wrap("  ", "    ", change)));
            out.println();
            LocalEvidence.verify(stack, copy, out, err, "--rederive", "--html", REPORT.toString());
        }
        out.println();
        out.println("next: target/bin/local --serve keeps the stack up for your own uploads (docs/local.md)");
        out.println("      " + REPORT + " shows this report as a page (docs/report.md)");
    }

    /**
     * A person reviews the decision the review band left open, through the review command as
     * {@code target/bin/review} runs it, so that verify then counts the signed review record.
     */
    private static void review(LocalStack stack, List<Map<String, AttributeValue>> items, PrintStream out, PrintStream err) {
        out.println();
        out.println(TextWrap.wrap("", "  ", "review of the decision awaiting one (target/bin/review records the same "
                + "against --serve's stack):"));
        Set<String> ids = items.stream().map(item -> item.get(ATTEMPT_ID.stored()).s()).collect(Collectors.toSet());
        var pending = items.stream()
                .filter(item -> item.containsKey(DECISION.stored())
                        && Decision.REVIEW_REQUIRED.name().equals(item.get(DECISION.stored()).s()))
                .map(item -> item.get(ATTEMPT_ID.stored()).s())
                .filter(id -> !ids.contains(ReviewRecord.idFor(id))).findFirst();
        if (pending.isEmpty()) {
            out.println("  none awaits review: each REVIEW_REQUIRED decision has its review record");
            return;
        }
        var recorded = new ByteArrayOutputStream();
        LocalEvidence.review(stack, LocalMain.TABLE, new PrintStream(recorded, true, StandardCharsets.UTF_8), err,
                "--attempt", pending.get(), "--outcome", "APPROVED", "--reviewed-by", REVIEWER,
                "--reason", "the upload shows the enrolled person: a brightened copy of the reference photo");
        recorded.toString(StandardCharsets.UTF_8).lines().forEach(line -> out.println(TextWrap.wrap("  ", "    ", line)));
    }

    private static void count(Map<String, Long> outcomes, DecisionReport.RecordResult result) {
        String label = result.outcome() == Outcome.AUDITED ? result.decision().name() : result.outcome().name();
        outcomes.merge(label, 1L, Long::sum);
    }
}
