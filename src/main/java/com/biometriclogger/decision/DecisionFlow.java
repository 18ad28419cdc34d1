package com.biometriclogger.decision;

import com.biometriclogger.decision.DecisionReport.Outcome;
import com.biometriclogger.decision.DecisionReport.RecordResult;
import com.biometriclogger.decision.FaceAnalyzer.FaceAttribute;
import com.biometriclogger.decision.Lockout.FailureCount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The decision flow: for each uploaded image, read the pinned version, skip it if already audited,
 * judge it (screen, detect faces, apply the policy, identify), then record one audit item under the
 * attempt id of the version storage returned. Records are independent: one bad record never stops
 * its neighbours, and failures are raised only after every record was tried.
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
    private final Duration minimumReserve;
    private final Set<FaceAttribute> wantedAttributes;
    private final Lockout lockout;

    /**
     * @param minimumReserve the least time left in which another record is started (as long as the
     *                       slowest record of the invocation so far, if that is more)
     * @param lockout        counts a subject's recent failures before its upload is judged
     */
    public DecisionFlow(UploadScope scope, ImageSource images, FaceAnalyzer faces, ThresholdPolicy policy,
                        Identification identification, AuditLog auditLog, Clock clock, Duration minimumReserve,
                        Lockout lockout) {
        this.scope = scope;
        this.images = images;
        this.faces = faces;
        this.policy = policy;
        this.identification = identification;
        this.auditLog = auditLog;
        this.clock = clock;
        this.minimumReserve = minimumReserve;
        this.wantedAttributes = wantedAttributes(policy);
        this.lockout = lockout;
    }

    /**
     * Every record is tried in order, each upload at most once per event, until too little time is
     * left to start another: those not started fail, so Lambda delivers the event again and the
     * records already audited are found by {@link AuditLog#contains} without being judged again.
     *
     * @throws RetryableDecisionException after all records were tried, if any failed
     */
    public DecisionReport decideAll(List<? extends EventRecord> records, Invocation invocation) {
        MDC.put("requestId", invocation.requestId());
        try {
            List<RecordResult> results = new ArrayList<>(records.size());
            Map<ObjectVersion, Integer> firstIndex = new HashMap<>();
            long slowestMillis = 0;
            for (int i = 0; i < records.size(); i++) {
                var record = records.get(i);
                if (record instanceof UnreadableRecord unreadable) {
                    results.add(unreadable(unreadable));
                    continue;
                }
                var upload = (UploadedImage) record;
                var earlier = firstIndex.putIfAbsent(upload.object(), i);
                if (earlier != null) {
                    results.add(RecordResult.repeated(upload.object(), earlier));
                    continue;
                }
                long reserve = Math.max(minimumReserve.toMillis(), slowestMillis);
                long remaining = invocation.remainingMillis().getAsLong();
                if (remaining < reserve) {
                    results.addAll(notStarted(records.subList(i, records.size()), remaining, reserve));
                    break;
                }
                long started = System.nanoTime();
                results.add(decideGuarded(upload, invocation));
                slowestMillis = Math.max(slowestMillis, millisSince(started));
            }
            var report = new DecisionReport(results);
            if (report.count(Outcome.FAILED) > 0) {
                throw new RetryableDecisionException(report);
            }
            return report;
        } finally {
            MDC.remove("requestId");
        }
    }

    /**
     * Not audited: with no object identity there is no attempt id to write under, and S3 never sends
     * such a record, so it is the sender's mistake to be seen, not a decision. It fails the
     * invocation; after Lambda's retries the event lands with the function's on-failure destination.
     */
    private static RecordResult unreadable(UnreadableRecord record) {
        LOG.atError()
                .addKeyValue("outcome", Outcome.FAILED)
                .addKeyValue("record", record.index())
                .log("record {} of the event names no upload and cannot be audited: {}", record.index(), record.problem());
        return RecordResult.unreadable(record);
    }

    /** The records left when the time is too short: failed as retryable, with one line of ours before any platform timeout. */
    private static List<RecordResult> notStarted(List<? extends EventRecord> rest, long remainingMillis, long reserveMillis) {
        String why = "not started: " + remainingMillis + " ms left in the invocation, less than the " + reserveMillis
                + " ms one record may take; the retry continues after the records already audited";
        LOG.atError()
                .addKeyValue("outcome", Outcome.FAILED)
                .addKeyValue("recordsNotStarted", rest.size())
                .addKeyValue("remainingMillis", remainingMillis)
                .log("stopping before the function's timeout: {} records not started, the invocation fails so Lambda retries them",
                        rest.size());
        return rest.stream().map(record -> record instanceof UploadedImage upload
                ? RecordResult.notStarted(upload.object(), why)
                : RecordResult.unreadable((UnreadableRecord) record)).toList();
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

    private RecordResult decide(UploadedImage event, Invocation invocation) {
        var skip = scope.skipReason(event);
        if (skip.isPresent()) {
            LOG.atInfo().addKeyValue("outcome", Outcome.SKIPPED).log("skipped: {}", skip.get());
            return RecordResult.skipped(event.object(), skip.get());
        }
        var timings = new Timings();
        StoredImage stored;
        try {
            stored = images.read(event.object());
        } catch (UnjudgeableImageException unreadable) {
            timings.readMs = millisSince(timings.started);
            return alreadyAudited(event, Optional.empty()).orElseGet(() -> record(event,
                    Judgement.unjudgeable(Optional.empty(), unreadable), invocation, timings, now()));
        }
        timings.readMs = millisSince(timings.started);
        var upload = event.as(stored.version());
        if (!upload.object().equals(event.object())) {
            MDC.put("versionId", upload.object().versionId());
        }
        // One instant for the lockout's count and the decision's date, so verify re-counts the very window counted.
        Instant at = now();
        return alreadyAudited(upload, stored.content().sha256())
                .orElseGet(() -> record(upload, judge(upload, stored.content(), timings, at), invocation, timings, at));
    }

    /** The pre-check: an upload already audited costs one consistent read, no Rekognition call and no signature. */
    private Optional<RecordResult> alreadyAudited(UploadedImage upload, Optional<String> sha256) {
        if (!auditLog.contains(upload.object().attemptId())) {
            return Optional.empty();
        }
        LOG.atInfo()
                .addKeyValue("outcome", Outcome.DUPLICATE)
                .addKeyValue("attemptId", upload.object().attemptId())
                .log("DUPLICATE: this upload was already audited; not judged again, nothing written");
        return Optional.of(RecordResult.duplicate(upload.object(), sha256.orElse(null), RecordResult.FOUND_BEFORE_JUDGING));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private RecordResult record(UploadedImage upload, Judgement judgement, Invocation invocation, Timings timings,
                                Instant decidedAt) {
        var judged = AuditItems.of(upload, judgement.content(), judgement.analysis(), judgement.verdict(),
                policy.thresholds(), judgement.identity(), invocation, decidedAt);
        var item = judgement.failures().map(count -> count.recordedIn(judged, judgement.verdict())).orElse(judged);
        long writeStarted = System.nanoTime();
        boolean written = auditLog.recordOnce(item);
        timings.writeMs = millisSince(writeStarted);
        logDecision(item, judgement.verdict(), written, timings);
        String sha256 = item.get(AuditAttribute.SHA256).orElse("");
        return written ? RecordResult.audited(upload.object(), judgement.verdict(), sha256)
                : RecordResult.duplicate(upload.object(), sha256, RecordResult.WRITTEN_MEANWHILE);
    }

    /** Everything learnt about one upload, ready to be recorded. */
    private record Judgement(Optional<ImageContent> content, Optional<FaceAnalysis> analysis, Verdict verdict,
                             IdentityFacts identity, Optional<FailureCount> failures) {

        /** No subject is recorded, so no count either: verify could not re-count it. */
        static Judgement unjudgeable(Optional<ImageContent> content, UnjudgeableImageException why) {
            LOG.atInfo().addKeyValue("reason", why.reason()).log("image cannot be judged: {}", why.getMessage());
            return new Judgement(content, Optional.empty(), Verdict.rejected(why.reason()), IdentityFacts.NONE,
                    Optional.empty());
        }
    }

    private Judgement judge(UploadedImage upload, ImageContent content, Timings timings, Instant at) {
        var rejection = ImageScreen.rejectionOf(content);
        if (rejection.isPresent()) {
            return new Judgement(Optional.of(content), Optional.empty(), Verdict.rejected(rejection.get()),
                    IdentityFacts.NONE, Optional.empty());
        }
        if (!content.hasBytes() && !upload.object().isVersioned()) {
            // Too large to send inline, it would go by an S3 reference that no version pins: Rekognition
            // could judge whatever the key holds by then, under this image's hash.
            return new Judgement(Optional.of(content), Optional.empty(), Verdict.rejected(ReasonCode.UNVERSIONED_TOO_LARGE),
                    IdentityFacts.NONE, Optional.empty());
        }
        // Counted before any Rekognition call: a locked-out upload is compared with nothing, so it teaches nothing.
        var uncompared = identification.uncompared(upload);
        var failures = uncompared.flatMap(facts -> lockout.count(facts.subjectId(), at));
        if (failures.filter(FailureCount::lockedOut).isPresent()) {
            return new Judgement(Optional.of(content), Optional.empty(),
                    new Verdict(Decision.UNAUTHORIZED, List.of(ReasonCode.LOCKED_OUT)), uncompared.orElseThrow(), failures);
        }
        try {
            long detectStarted = System.nanoTime();
            var analysis = faces.analyze(upload.object(), content, wantedAttributes);
            timings.detectMs = millisSince(detectStarted);
            var identified = identification.identify(upload, content, policy.judge(analysis));
            return new Judgement(Optional.of(content), Optional.of(analysis), identified.verdict(), identified.facts(),
                    failures);
        } catch (UnjudgeableImageException undetectable) {
            return Judgement.unjudgeable(Optional.of(content), undetectable);
        }
    }

    private static void logDecision(AuditItem item, Verdict verdict, boolean written, Timings timings) {
        LOG.atInfo()
                .addKeyValue("outcome", written ? Outcome.AUDITED : Outcome.DUPLICATE)
                .addKeyValue("attemptId", item.attemptId())
                .addKeyValue("sha256", item.get(AuditAttribute.SHA256).orElse(""))
                .addKeyValue("sizeBytes", item.get(AuditAttribute.SIZE_BYTES).orElse(""))
                .addKeyValue("decision", verdict.decision())
                .addKeyValue("reasons", item.get(AuditAttribute.REASONS).orElse(""))
                .addKeyValue("faceCount", item.get(AuditAttribute.FACE_COUNT).orElse(""))
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
