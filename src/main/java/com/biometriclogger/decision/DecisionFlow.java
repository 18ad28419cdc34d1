package com.biometriclogger.decision;

import com.biometriclogger.decision.FaceAnalyzer.FaceAttribute;
import com.biometriclogger.decision.VerificationReport.Outcome;
import com.biometriclogger.decision.VerificationReport.RecordResult;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The verification flow: for each uploaded image, read the pinned version, screen it, detect faces,
 * judge them and write one audit record. Records are independent: one bad record never stops its
 * neighbours, and faults that may pass are raised only after every record was tried.
 */
public final class DecisionFlow {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionFlow.class);

    private final UploadScope scope;
    private final ImageSource images;
    private final FaceAnalyzer faces;
    private final ThresholdPolicy policy;
    private final AuditLog auditLog;
    private final Clock clock;
    private final Set<FaceAttribute> wantedAttributes;
    private final IdentityMatcher identity;

    /** Detect-only: a face of good quality is enough. */
    public DecisionFlow(UploadScope scope, ImageSource images, FaceAnalyzer faces, ThresholdPolicy policy,
                         AuditLog auditLog, Clock clock) {
        this(scope, images, faces, policy, null, auditLog, clock);
    }

    /** @param identity 1:1 verification against enrolled references, or null for detect-only */
    public DecisionFlow(UploadScope scope, ImageSource images, FaceAnalyzer faces, ThresholdPolicy policy,
                         IdentityMatcher identity, AuditLog auditLog, Clock clock) {
        this.identity = identity;
        this.scope = scope;
        this.images = images;
        this.faces = faces;
        this.policy = policy;
        this.auditLog = auditLog;
        this.clock = clock;
        this.wantedAttributes = wantedAttributes(policy);
    }

    /**
     * @throws RetryableVerificationException after all records were tried, if any met a fault that may pass
     */
    public VerificationReport verifyAll(List<UploadedImage> uploads, Invocation invocation) {
        MDC.put("requestId", invocation.requestId());
        try {
            List<RecordResult> results = new ArrayList<>(uploads.size());
            for (UploadedImage upload : uploads) {
                results.add(verifyGuarded(upload, invocation));
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

    private RecordResult verifyGuarded(UploadedImage upload, Invocation invocation) {
        MDC.put("bucket", upload.bucket());
        MDC.put("key", upload.key());
        MDC.put("versionId", String.valueOf(upload.versionId()));
        try {
            return verify(upload, invocation);
        } catch (RuntimeException fault) {
            LOG.atError().setCause(fault)
                    .addKeyValue("outcome", Outcome.FAILED)
                    .addKeyValue("error", fault.getClass().getSimpleName())
                    .log("verification failed ({}); the invocation will fail so Lambda retries it: {}",
                            fault instanceof DeploymentFaultException
                                    ? "deployment fault: fix the function's role, bucket, table or signing key"
                                    : "transient or unexpected fault",
                            fault.getMessage());
            return new RecordResult(upload.bucket(), upload.key(), upload.versionId(), Outcome.FAILED, null,
                    List.of(), null, fault.getClass().getSimpleName() + ": " + fault.getMessage());
        } finally {
            MDC.remove("bucket");
            MDC.remove("key");
            MDC.remove("versionId");
        }
    }

    private RecordResult verify(UploadedImage upload, Invocation invocation) {
        var skip = scope.skipReason(upload);
        if (skip.isPresent()) {
            LOG.atInfo().addKeyValue("outcome", Outcome.SKIPPED).log("skipped: {}", skip.get());
            return new RecordResult(upload.bucket(), upload.key(), upload.versionId(), Outcome.SKIPPED, null,
                    List.of(), null, skip.get());
        }
        long started = System.nanoTime();
        ImageContent content = null;
        FaceAnalysis analysis = null;
        Verdict verdict;
        IdentityFacts identityFacts = null;
        long readMs = 0;
        long detectMs = 0;
        try {
            content = images.read(upload);
            readMs = millisSince(started);
            var rejection = ImageScreen.rejectionOf(content);
            if (rejection.isPresent()) {
                verdict = Verdict.rejected(rejection.get());
            } else {
                long detectStarted = System.nanoTime();
                analysis = faces.analyze(upload, content, wantedAttributes);
                detectMs = millisSince(detectStarted);
                verdict = policy.judge(analysis);
                if (identity != null) {
                    var result = identify(upload, content, verdict);
                    verdict = result.verdict();
                    identityFacts = result.facts();
                }
            }
        } catch (UnjudgeableImageException unjudgeable) {
            LOG.atInfo().addKeyValue("reason", unjudgeable.reason())
                    .log("image cannot be judged: {}", unjudgeable.getMessage());
            verdict = Verdict.rejected(unjudgeable.reason());
        }
        var record = AuditRecords.of(upload, content, analysis, verdict, policy.thresholds(), identityFacts, invocation,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        long writeStarted = System.nanoTime();
        boolean written = auditLog.recordOnce(record);
        long writeMs = millisSince(writeStarted);

        Outcome outcome = written ? Outcome.AUDITED : Outcome.DUPLICATE;
        LOG.atInfo()
                .addKeyValue("outcome", outcome)
                .addKeyValue("attemptId", record.attemptId())
                .addKeyValue("sha256", record.sha256())
                .addKeyValue("sizeBytes", record.sizeBytes())
                .addKeyValue("decision", verdict.decision())
                .addKeyValue("reasons", record.reasons())
                .addKeyValue("faceCount", record.faceCount())
                .addKeyValue("readMs", readMs)
                .addKeyValue("detectMs", detectMs)
                .addKeyValue("writeMs", writeMs)
                .addKeyValue("totalMs", millisSince(started))
                .log(written ? "decision recorded" : "DUPLICATE: this upload was already audited; nothing written");
        return written
                ? new RecordResult(upload.bucket(), upload.key(), upload.versionId(), outcome, verdict.decision(),
                        verdict.reasons(), record.sha256(), "")
                : new RecordResult(upload.bucket(), upload.key(), upload.versionId(), outcome, null,
                        List.of(), record.sha256(), "already audited by an earlier delivery");
    }

    private IdentityMatcher.Result identify(UploadedImage upload, ImageContent content, Verdict quality) {
        if (identity.isReference(upload)) {
            return identity.enrol(upload, quality);
        }
        if (quality.decision() == Decision.AUTHORIZED) {
            return identity.verify(upload, content);
        }
        return identity.notCompared(upload, quality);
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
