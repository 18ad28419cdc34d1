package com.biometriclogger.decision;

import com.biometriclogger.decision.FaceAnalyzer.FaceAttribute;
import com.biometriclogger.decision.VerificationReport.Outcome;
import com.biometriclogger.decision.VerificationReport.RecordResult;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The decision flow: for each uploaded image, judge the pinned version (read, screen, detect faces,
 * apply the policy, identify), then record one audit item. Records are independent: one bad record
 * never stops its neighbours, and faults that may pass are raised only after every record was tried.
 */
public final class DecisionFlow {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionFlow.class);

    private final UploadScope scope;
    private final ImageSource images;
    private final FaceAnalyzer faces;
    private final ThresholdPolicy policy;
    private final Identification identification;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Set<FaceAttribute> wantedAttributes;

    public DecisionFlow(UploadScope scope, ImageSource images, FaceAnalyzer faces, ThresholdPolicy policy,
                        Identification identification, AuditLog auditLog, Clock clock) {
        this.scope = scope;
        this.images = images;
        this.faces = faces;
        this.policy = policy;
        this.identification = identification;
        this.auditLog = auditLog;
        this.clock = clock;
        this.wantedAttributes = wantedAttributes(policy);
    }

    /**
     * @throws RetryableVerificationException after all records were tried, if any met a fault that may pass
     */
    public VerificationReport decideAll(List<UploadedImage> uploads, Invocation invocation) {
        MDC.put("requestId", invocation.requestId());
        try {
            List<RecordResult> results = new ArrayList<>(uploads.size());
            for (UploadedImage upload : uploads) {
                results.add(decideGuarded(upload, invocation));
            }
            var report = new VerificationReport(results);
            if (report.count(Outcome.FAILED) > 0) {
                throw new RetryableVerificationException(report);
            }
            return report;
        } finally {
            MDC.remove("requestId");
        }
    }

    private RecordResult decideGuarded(UploadedImage upload, Invocation invocation) {
        MDC.put("bucket", upload.bucket());
        MDC.put("key", upload.key());
        MDC.put("versionId", upload.object().versionId());
        try {
            return decide(upload, invocation);
        } catch (RuntimeException fault) {
            LOG.atError().setCause(fault)
                    .addKeyValue("outcome", Outcome.FAILED)
                    .addKeyValue("error", fault.getClass().getSimpleName())
                    .log("verification failed ({}); the invocation will fail so Lambda retries it: {}",
                            fault instanceof DeploymentFaultException
                                    ? "deployment fault: fix the function's role, bucket, table or signing key"
                                    : "transient or unexpected fault",
                            fault.getMessage());
            return RecordResult.failed(upload.object(), fault);
        } finally {
            MDC.remove("bucket");
            MDC.remove("key");
            MDC.remove("versionId");
        }
    }

    private RecordResult decide(UploadedImage upload, Invocation invocation) {
        var skip = scope.skipReason(upload);
        if (skip.isPresent()) {
            LOG.atInfo().addKeyValue("outcome", Outcome.SKIPPED).log("skipped: {}", skip.get());
            return RecordResult.skipped(upload.object(), skip.get());
        }
        var timings = new Timings();
        var judgement = judge(upload, timings);
        var item = AuditItems.of(upload, judgement.content(), judgement.analysis(), judgement.verdict(),
                policy.thresholds(), judgement.identity(), invocation, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        long writeStarted = System.nanoTime();
        boolean written = auditLog.recordOnce(item);
        timings.writeMs = millisSince(writeStarted);
        logDecision(item, judgement.verdict(), written, timings);
        String sha256 = item.get(AuditAttribute.SHA256);
        return written ? RecordResult.audited(upload.object(), judgement.verdict(), sha256)
                : RecordResult.duplicate(upload.object(), sha256);
    }

    /** Everything learnt about one upload, ready to be recorded. */
    private record Judgement(Optional<ImageContent> content, Optional<FaceAnalysis> analysis, Verdict verdict,
                             IdentityFacts identity) {

        static Judgement unjudgeable(Optional<ImageContent> content, UnjudgeableImageException why) {
            LOG.atInfo().addKeyValue("reason", why.reason()).log("image cannot be judged: {}", why.getMessage());
            return new Judgement(content, Optional.empty(), Verdict.rejected(why.reason()), IdentityFacts.NONE);
        }
    }

    private Judgement judge(UploadedImage upload, Timings timings) {
        ImageContent content;
        try {
            content = images.read(upload.object());
        } catch (UnjudgeableImageException unreadable) {
            return Judgement.unjudgeable(Optional.empty(), unreadable);
        } finally {
            timings.readMs = millisSince(timings.started);
        }
        var rejection = ImageScreen.rejectionOf(content);
        if (rejection.isPresent()) {
            return new Judgement(Optional.of(content), Optional.empty(), Verdict.rejected(rejection.get()),
                    IdentityFacts.NONE);
        }
        try {
            long detectStarted = System.nanoTime();
            var analysis = faces.analyze(upload.object(), content, wantedAttributes);
            timings.detectMs = millisSince(detectStarted);
            var identified = identification.identify(upload, content, policy.judge(analysis));
            return new Judgement(Optional.of(content), Optional.of(analysis), identified.verdict(), identified.facts());
        } catch (UnjudgeableImageException undetectable) {
            return Judgement.unjudgeable(Optional.of(content), undetectable);
        }
    }

    private static void logDecision(AuditItem item, Verdict verdict, boolean written, Timings timings) {
        LOG.atInfo()
                .addKeyValue("outcome", written ? Outcome.AUDITED : Outcome.DUPLICATE)
                .addKeyValue("attemptId", item.attemptId())
                .addKeyValue("sha256", item.get(AuditAttribute.SHA256))
                .addKeyValue("sizeBytes", item.get(AuditAttribute.SIZE_BYTES))
                .addKeyValue("decision", verdict.decision())
                .addKeyValue("reasons", item.get(AuditAttribute.REASONS))
                .addKeyValue("faceCount", item.get(AuditAttribute.FACE_COUNT))
                .addKeyValue("readMs", timings.readMs)
                .addKeyValue("detectMs", timings.detectMs)
                .addKeyValue("writeMs", timings.writeMs)
                .addKeyValue("totalMs", millisSince(timings.started))
                .log(written ? "decision recorded" : "DUPLICATE: this upload was already audited; nothing written");
    }

    /** Milliseconds spent in each step of one record, for its log line. */
    private static final class Timings {
        final long started = System.nanoTime();
        long readMs;
        long detectMs;
        long writeMs;
    }

    private static Set<FaceAttribute> wantedAttributes(ThresholdPolicy policy) {
        Set<FaceAttribute> wanted = EnumSet.noneOf(FaceAttribute.class);
        if (policy.needsEyesOpen()) {
            wanted.add(FaceAttribute.EYES_OPEN);
        }
        if (policy.needsSunglasses()) {
            wanted.add(FaceAttribute.SUNGLASSES);
        }
        return Set.copyOf(wanted);
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
