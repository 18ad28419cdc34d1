package com.biometriclogger.handler;

import com.biometriclogger.aws.AuditItemSchema;
import com.biometriclogger.aws.AwsClients;
import com.biometriclogger.aws.DynamoDbAuditLog;
import com.biometriclogger.aws.DynamoDbEvidenceTable;
import com.biometriclogger.aws.DynamoDbFailureIndex;
import com.biometriclogger.aws.DynamoDbPeriodIndex;
import com.biometriclogger.aws.DynamoDbSealStore;
import com.biometriclogger.aws.KmsEvidenceSigner;
import com.biometriclogger.aws.RekognitionFaceAnalyzer;
import com.biometriclogger.aws.RekognitionFaceComparer;
import com.biometriclogger.aws.S3CommitmentArchive;
import com.biometriclogger.aws.S3ImageSource;
import com.biometriclogger.aws.S3ReferenceRegistry;
import com.biometriclogger.aws.S3SealArchive;
import com.biometriclogger.aws.SnsAlertPublisher;
import com.biometriclogger.config.ChangeAlarmSettings;
import com.biometriclogger.config.SealSettings;
import com.biometriclogger.config.Settings;
import com.biometriclogger.decision.AuditLog;
import com.biometriclogger.decision.DecisionFlow;
import com.biometriclogger.decision.Identification;
import com.biometriclogger.decision.IdentityMatcher;
import com.biometriclogger.decision.Lockout;
import com.biometriclogger.decision.ThresholdPolicy;
import com.biometriclogger.evidence.ChangeAlarm;
import com.biometriclogger.evidence.EvidenceSigning;
import com.biometriclogger.evidence.OverdueReviews;
import com.biometriclogger.evidence.Sealer;
import com.biometriclogger.evidence.StoredItem;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The one place where the functions are assembled from validated settings: real SDK clients (or
 * local stand-ins through endpoint overrides), built once per container. Everything below it is
 * handed its collaborators; nothing below it reads the environment.
 */
public final class Wiring {

    /**
     * What a test or the local tools may replace without re-wiring the rest.
     *
     * @param auditLog wraps the real audit log, e.g. to inject a crash before the write
     */
    public record Seams(Clock clock, UnaryOperator<AuditLog> auditLog) {

        public static final Seams NONE = new Seams(Clock.systemUTC(), UnaryOperator.identity());

        public Seams withAuditLog(UnaryOperator<AuditLog> wrapper) {
            return new Seams(clock, wrapper);
        }

        public Seams withClock(Clock other) {
            return new Seams(other, auditLog);
        }
    }

    /**
     * The least time left in which the function starts another record: a few seconds, about what a
     * record waits out when a call is throttled once or twice, so a slow record ends before Lambda's
     * timeout would cut it off mid-write (the flow keeps as long as its slowest record, if that is more).
     */
    static final Duration RECORD_RESERVE = Duration.ofSeconds(3);

    private Wiring() {
    }

    /** The verification function: its flow, and the priming of its clients for a SnapStart snapshot. */
    public record VerificationFunction(DecisionFlow flow, SnapStartPriming priming) {
    }

    public static DecisionFlow decisionFlow(Settings settings, Seams seams) {
        return verificationFunction(settings, seams).flow();
    }

    public static VerificationFunction verificationFunction(Settings settings, Seams seams) {
        var clients = new AwsClients(settings.aws());
        var s3 = clients.s3();
        var rekognition = clients.rekognition();
        var dynamoDb = clients.dynamoDb();
        var auditTable = AuditItemSchema.table(dynamoDb, settings.auditTableName());
        var kms = clients.kms();
        var auditLog = new DynamoDbAuditLog(auditTable,
                new EvidenceSigning(new KmsEvidenceSigner(kms, settings.signingKeyArn())),
                new S3CommitmentArchive(s3, settings.commitments().bucket(), settings.commitments().prefix()));
        var identity = settings.identity();
        // Enrolments are trusted under the key the function signs with, its public half fetched once
        // here at init (with SnapStart, before the snapshot: it is neither secret nor unique).
        Identification identification = identity.mode() != Settings.Mode.MATCH ? Identification.DETECT_ONLY
                : new IdentityMatcher(settings.uploadScope().prefix(), identity.referencePrefix(), identity.similarity(),
                        new S3ReferenceRegistry(s3, new DynamoDbEvidenceTable(dynamoDb), settings.auditTableName(),
                                KmsEvidenceSigner.publicKey(kms, settings.signingKeyArn()), identity.referencePrefix()),
                        new RekognitionFaceComparer(rekognition));
        var flow = new DecisionFlow(
                settings.uploadScope(),
                new S3ImageSource(s3),
                new RekognitionFaceAnalyzer(rekognition),
                new ThresholdPolicy(settings.thresholds()),
                identification,
                seams.auditLog().apply(auditLog),
                seams.clock(),
                RECORD_RESERVE,
                settings.lockout().map(rule -> Lockout.counting(rule, new DynamoDbFailureIndex(dynamoDb,
                        settings.auditTableName()))).orElse(Lockout.OFF));
        return new VerificationFunction(flow, new SnapStartPriming(s3, rekognition, dynamoDb, kms));
    }

    public static Sealer sealer(SealSettings settings, Clock clock) {
        return sealFunction(settings, clock).sealer();
    }

    /** The seal function: the sealer, and the overdue-review check when the stack has a review band. */
    public record SealFunction(Sealer sealer, Optional<OverdueReviews> overdueReviews) {
    }

    public static SealFunction sealFunction(SealSettings settings, Clock clock) {
        var clients = new AwsClients(settings.aws());
        var dynamoDb = clients.dynamoDb();
        var index = new DynamoDbPeriodIndex(dynamoDb, settings.auditTableName());
        var sealer = new Sealer(index,
                new DynamoDbSealStore(dynamoDb, settings.sealTableName()),
                new S3SealArchive(clients.s3(), settings.archiveBucket(), settings.archivePrefix()),
                new EvidenceSigning(new KmsEvidenceSigner(clients.kms(), settings.sealSigningKeyArn())),
                clock);
        var hours = settings.reviewOverdueHours();
        return new SealFunction(sealer, hours.isPresent() ? Optional.of(new OverdueReviews(index, hours.getAsInt())) : Optional.empty());
    }

    /** The change alarm: which stream is which table, the classification, and where alerts go. */
    public record ChangeAlarmFunction(Map<String, ChangeAlarm.Table> tablesByName, ChangeAlarm alarm,
                                      ChangeAlarm.AlertPublisher publisher) {
    }

    /** Reads the audit table only for erasure records (one consistent GetItem); writes no table. */
    public static ChangeAlarmFunction changeAlarm(ChangeAlarmSettings settings) {
        var clients = new AwsClients(settings.aws());
        var table = new DynamoDbEvidenceTable(clients.dynamoDb());
        var alarm = new ChangeAlarm(id -> table.auditItem(settings.auditTableName(), id).map(StoredItem::attributes));
        return new ChangeAlarmFunction(Map.of(settings.auditTableName(), ChangeAlarm.Table.AUDIT,
                settings.sealTableName(), ChangeAlarm.Table.SEALS), alarm, new SnsAlertPublisher(clients.sns(), settings.alertTopicArn()));
    }
}
