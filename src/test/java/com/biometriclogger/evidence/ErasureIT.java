package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.aws.DynamoDbErasureLedger;
import com.biometriclogger.aws.DynamoDbSealStore;
import com.biometriclogger.aws.S3CommitmentArchive;
import com.biometriclogger.aws.S3SubjectImages;
import com.biometriclogger.decision.AuditItem;
import com.biometriclogger.decision.ErasureRecord;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.LocalEvidence;
import com.biometriclogger.local.stack.LocalKeyFileSigner;
import com.biometriclogger.local.stack.LocalKms;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.Scenario;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The issue's erasure scenario on the local stack: a subject with an enrolment and three uploads,
 * decided two hours ago by the real handler and sealed by the real sealer, is erased by the erase
 * command as a user runs it; verify, as a user runs it, then counts the four as ERASED.
 */
@ExtendWith(LocalStackExtension.class)
class ErasureIT {

    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    @TempDir
    Path dir;

    private Scenario scenario;
    private LedgerCommands commands;
    private String subject;
    private String bystander;
    private List<String> erasedIds;

    @BeforeEach
    void aSubjectEnrolledWithThreeUploadsTwoHoursAgoAndSealed(Scenario scenario) {
        this.scenario = scenario;
        commands = new LedgerCommands(scenario);
        subject = "erasee" + SUBJECTS.incrementAndGet() + scenario.table();
        bystander = subject + "-bystander";
        var handler = scenario.handlerAt(Instant.now().minus(Duration.ofHours(2)), Map.of("VERIFICATION_MODE", "MATCH"));
        scenario.decideMatching(handler, "references/" + subject + ".jpg", 4001);
        scenario.decideMatching(handler, "uploads/" + subject + "/1.jpg", 4002);
        scenario.decideMatching(handler, "uploads/" + subject + "/2.jpg", 4003);
        scenario.decideMatching(handler, "uploads/" + subject + "/3.jpg", 4004);
        scenario.decideMatching(handler, "uploads/" + bystander + "/1.jpg", 4005);
        // A second version of an upload, never judged: it goes too.
        scenario.put("uploads/" + subject + "/3.jpg", TestImages.jpeg(4006));
        // Delete markers, whose keys carry the subject id: over a judged upload (its version is now noncurrent)
        // and over an unjudged one, which leaves a key with no current version at all.
        scenario.put("uploads/" + subject + "/4.jpg", TestImages.jpeg(4007));
        for (String key : List.of("uploads/" + subject + "/2.jpg", "uploads/" + subject + "/4.jpg")) {
            scenario.stack().s3().deleteObject(b -> b.bucket(scenario.bucket()).key(key));
        }
        erasedIds = scenario.auditItems().stream().filter(item -> item.get("objectKey").s().contains(subject + "/")
                        || item.get("objectKey").s().contains(subject + "."))
                .map(item -> item.get("attemptId").s()).sorted().toList();
        assertEquals(4, erasedIds.size());
        LocalEvidence.sealer(scenario.stack(), scenario.table(), Clock.systemUTC()).sealThrough(Instant.now());
    }

    @Test
    void theSubjectsItemsAndEveryImageVersionGoAndVerifyCountsThemErased() {
        int versions = subjectVersions();
        int bystanderVersions = versionsUnder("uploads/" + bystander + "/").size();
        var dryRun = commands.erase(subject, "REQ-2026-0042", "--dry-run");

        assertTrue(versions >= 8, "six uploads, one key twice, two delete markers (a client retry may add a version)");
        assertEquals(2, subjectKeysIn(Listing.DELETE_MARKERS).size(), "the fixture holds delete markers");
        assertEquals(0, dryRun.status(), dryRun.err());
        assertTrue(dryRun.out().contains("audit items: 4"), dryRun.out());
        assertTrue(dryRun.out().contains("image versions and delete markers: " + versions), dryRun.out());
        assertEquals(5, scenario.auditItems().size());

        var run = commands.erase(subject, "REQ-2026-0042");

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("erased: 4 erasure records written, 0 found from an earlier run,\n  4 audit items "
                + "and " + versions + " image versions deleted"), run.out());
        for (Listing listing : Listing.values()) {
            assertEquals(List.of(), subjectKeysIn(listing), "no key of the subject is left in " + listing);
        }
        assertEquals(bystanderVersions, versionsUnder("uploads/" + bystander + "/").size(), "the bystander keeps every version");
        var left = scenario.auditItems();
        assertEquals(erasedIds.stream().map(ErasureRecord::idFor).toList(), left.stream()
                .map(item -> item.get("attemptId").s()).filter(id -> id.startsWith(ErasureRecord.ID_PREFIX)).sorted().toList());
        assertTrue(left.stream().noneMatch(item -> item.containsKey("objectKey")
                && item.get("objectKey").s().contains(subject + "/")));
        var record = Scenario.asStrings(left.stream().filter(item -> item.get("attemptId").s()
                .equals(ErasureRecord.idFor(erasedIds.get(0)))).findFirst().orElseThrow());
        assertEquals(List.of("attemptId", "erasedAt", "erasedAttemptId", "erasedBy", "erasedDigest", "erasedSha256",
                "erasureRequest", "kind", "legalBasis", "schemaVersion", "sealPeriod", "signature", "signingKeyId"),
                new ArrayList<>(record.keySet()));
        assertTrue(record.values().stream().noneMatch(value -> value.contains(subject)), record.toString());

        var verified = commands.verify("--json");

        assertEquals(0, verified.status(), verified.out() + verified.err());
        assertEquals(4, verified.report().get("erased").asInt());
        assertEquals(0, verified.report().get("findings").size());
        var table = commands.verify();
        assertTrue(table.out().contains("erased                 4"), table.out());
    }

    @Test
    void anItemOfAnHourNotSealedYetIsRefusedWithTheWayToSealItOnTheLocalStack() {
        String late = subject + "-late";
        scenario.decideMatching(scenario.handlerAt(Instant.now(), Map.of()), "uploads/" + late + "/1.jpg", 4007);

        var run = commands.erase(late, "REQ-2026-0043");

        assertEquals(1, run.status(), run.out() + run.err());
        assertTrue(run.err().startsWith("erase: refused, nothing changed: items of hours not sealed yet ("), run.err());
        assertTrue(run.err().contains("\n  (on the local stack, `target/bin/local seal` seals them now)\n"), run.err());
        assertEquals(1, versionsUnder("uploads/" + late + "/").size(), "nothing changed");
    }

    @Test
    void aRunThatStopsAfterTheRecordsOrAmongTheImagesIsFinishedByARerun() {
        var erasure = erasure(ledger -> new FailingLedger(ledger, 2), images -> images);
        var plan = erasure.plan(subjectKeys());
        assertThrows(IllegalStateException.class, () -> erasure.erase(plan, request()));

        var stopped = commands.verify("--json");
        assertEquals(1, stopped.status(), stopped.out());
        assertEquals(List.of("ERASURE_INCOMPLETE", "ERASURE_INCOMPLETE", "ERASURE_INCOMPLETE"), stopped.problems());

        int versions = subjectVersions();
        var imagesStop = erasure(ledger -> ledger, images -> new FailingImages(images, 2));
        var rest = imagesStop.plan(subjectKeys());
        assertThrows(IllegalStateException.class, () -> imagesStop.erase(rest, request()));
        assertEquals(versions - 1, subjectVersions());

        var rerun = commands.erase(subject, "REQ-2026-0042");

        assertEquals(0, rerun.status(), rerun.err());
        assertTrue(rerun.out().contains("0 erasure records written, 0 found from an earlier run,\n  0 audit items and "
                + (versions - 1) + " image versions deleted"), rerun.out());
        for (Listing listing : Listing.values()) {
            assertEquals(List.of(), subjectKeysIn(listing), "no key of the subject is left in " + listing);
        }
        var verified = commands.verify("--json");
        assertEquals(0, verified.status(), verified.out());
        assertEquals(4, verified.report().get("erased").asInt());
    }

    @Test
    void anErasureRecordAlteredAfterwardsIsNamedAndItsItemCountsAsDeleted() {
        assertEquals(0, commands.erase(subject, "REQ-2026-0042").status());
        String altered = ErasureRecord.idFor(erasedIds.get(1));
        scenario.stack().dynamoDb().updateItem(b -> b.tableName(scenario.table())
                .key(Map.of("attemptId", AttributeValue.fromS(altered)))
                .updateExpression("SET legalBasis = :basis")
                .expressionAttributeValues(Map.of(":basis", AttributeValue.fromS("GDPR art. 17(1)(a)"))));

        var verified = commands.verify("--json");

        assertEquals(1, verified.status(), verified.out());
        assertEquals(List.of("SIGNATURE_INVALID " + altered, "DELETED_AFTER_COMMITMENT " + erasedIds.get(1),
                "CHANGED_AFTER_COMMITMENT " + altered, "DELETED_AFTER_SEALING " + erasedIds.get(1)), verified.findings());
        assertEquals(3, verified.report().get("erased").asInt());
    }

    /** The break-glass role's rights: sign an erasure record with the item key, delete the item it names. */
    @Test
    void aRecordNamingOtherContentThanTheSealHoldsAccountsForNothing() {
        String id = erasedIds.get(0);
        var stack = scenario.stack();
        var signing = new EvidenceSigning(LocalKeyFileSigner.load(stack.signingKeyFile()).as(LocalKms.KEY_ARN));
        var item = AuditItem.of(Scenario.asStrings(scenario.auditItems().stream()
                .filter(stored -> stored.get("attemptId").s().equals(id)).findFirst().orElseThrow()));
        var ledger = new DynamoDbErasureLedger(stack.dynamoDb(), scenario.table());
        ledger.putOnce(signing.signItem(ErasureRecord.of(item, "0".repeat(64), request(), Instant.now())));
        ledger.delete(id);

        var verified = commands.verify("--json");

        assertEquals(1, verified.status(), verified.out());
        assertEquals(List.of("DELETED_AFTER_COMMITMENT " + id, "ERASURE_MISMATCH " + ErasureRecord.idFor(id), "NOT_COMMITTED "
                + ErasureRecord.idFor(id)), verified.findings().stream().sorted().toList(), "put around erase, not committed either");
        assertEquals(0, verified.report().get("erased").asInt());
    }

    @Test
    void anErasedLedgersBundleChecksWithoutOurCode() throws Exception {
        assertEquals(0, commands.erase(subject, "REQ-2026-0042").status());
        Path bundle = dir.resolve("bundle");

        var export = commands.verify("--export", bundle.toString());
        assertEquals(0, export.status(), export.out() + export.err());
        var checked = BundleChecker.trustingExportedKeys(bundle);

        assertEquals(0, checked.status(), checked.out());
        assertTrue(checked.out().contains("4 erased, 0 problems"), checked.out());
    }


    private SubjectKeys subjectKeys() {
        return new SubjectKeys(scenario.bucket(), "uploads/", "references/", subject);
    }

    private static ErasureRecord.Request request() {
        return new ErasureRecord.Request("REQ-2026-0042", "GDPR art. 17(1)(b)", "operator");
    }

    private Erasure erasure(java.util.function.UnaryOperator<Erasure.Ledger> ledger,
                            java.util.function.UnaryOperator<Erasure.Images> images) {
        var stack = scenario.stack();
        var itemKey = LocalKeyFileSigner.load(stack.signingKeyFile());
        return new Erasure(ledger.apply(new DynamoDbErasureLedger(stack.dynamoDb(), scenario.table())),
                images.apply(new S3SubjectImages(stack.s3())),
                new DynamoDbSealStore(stack.dynamoDb(), LocalStack.sealTableName(scenario.table())),
                new SignatureCheck(List.of(new EvidenceKey(LocalKms.KEY_ARN, itemKey.evidenceKey().publicKey()))),
                new EvidenceSigning(itemKey.as(LocalKms.KEY_ARN)),
                new S3CommitmentArchive(stack.s3(), LocalStack.SEAL_ARCHIVE_BUCKET, LocalStack.commitmentPrefix(scenario.table())),
                Clock.systemUTC());
    }

    /** Stops (as a crash or a lost connection would) at its {@code failAt}-th deletion. */
    private record FailingLedger(Erasure.Ledger ledger, int failAt, AtomicInteger deletions) implements Erasure.Ledger {
        FailingLedger(Erasure.Ledger ledger, int failAt) {
            this(ledger, failAt, new AtomicInteger());
        }

        @Override
        public List<AuditItem> itemsOf(SubjectKeys subject) {
            return ledger.itemsOf(subject);
        }

        @Override
        public java.util.Optional<AuditItem> putOnce(AuditItem record) {
            return ledger.putOnce(record);
        }

        @Override
        public void delete(String attemptId) {
            if (deletions.incrementAndGet() == failAt) {
                throw new IllegalStateException("crash");
            }
            ledger.delete(attemptId);
        }
    }

    private record FailingImages(Erasure.Images images, int failAt, AtomicInteger deletions) implements Erasure.Images {
        FailingImages(Erasure.Images images, int failAt) {
            this(images, failAt, new AtomicInteger());
        }

        @Override
        public List<Erasure.ImageVersion> versionsOf(SubjectKeys subject) {
            return images.versionsOf(subject);
        }

        @Override
        public void delete(SubjectKeys subject, Erasure.ImageVersion version) {
            if (deletions.incrementAndGet() == failAt) {
                throw new IllegalStateException("crash");
            }
            images.delete(subject, version);
        }
    }

    private int subjectVersions() {
        return versionsUnder("uploads/" + subject + "/").size() + versionsUnder("references/" + subject).size();
    }

    /** The three ways a bucket's keys can be listed, each over the whole bucket. */
    private enum Listing { OBJECTS, VERSIONS, DELETE_MARKERS }

    /** The keys under the subject's id (not the bystander's, whose id extends it) in one listing. */
    private List<String> subjectKeysIn(Listing listing) {
        var s3 = scenario.stack().s3();
        var keys = switch (listing) {
            case OBJECTS -> s3.listObjectsV2Paginator(b -> b.bucket(scenario.bucket())).contents().stream()
                    .map(object -> object.key());
            case VERSIONS -> s3.listObjectVersionsPaginator(b -> b.bucket(scenario.bucket())).versions().stream()
                    .map(version -> version.key());
            case DELETE_MARKERS -> s3.listObjectVersionsPaginator(b -> b.bucket(scenario.bucket())).deleteMarkers()
                    .stream().map(marker -> marker.key());
        };
        return keys.filter(key -> key.contains("/" + subject + "/") || key.contains("/" + subject + ".")).toList();
    }

    private List<String> versionsUnder(String prefix) {
        var listing = scenario.stack().s3().listObjectVersions(b -> b.bucket(scenario.bucket()).prefix(prefix));
        List<String> versions = new ArrayList<>();
        listing.versions().forEach(v -> versions.add(v.key() + "@" + v.versionId()));
        listing.deleteMarkers().forEach(m -> versions.add(m.key() + "@" + m.versionId() + " (delete marker)"));
        return versions;
    }
}
