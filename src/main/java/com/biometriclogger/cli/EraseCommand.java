package com.biometriclogger.cli;

import com.biometriclogger.aws.AwsClients;
import com.biometriclogger.aws.DynamoDbErasureLedger;
import com.biometriclogger.aws.DynamoDbSealStore;
import com.biometriclogger.aws.KmsEvidenceSigner;
import com.biometriclogger.aws.S3SubjectImages;
import com.biometriclogger.config.ConfigurationException;
import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.ErasureRecord;
import com.biometriclogger.evidence.Erasure;
import com.biometriclogger.evidence.EvidenceSigning;
import com.biometriclogger.evidence.SignatureCheck;
import com.biometriclogger.evidence.SubjectKeys;
import com.biometriclogger.logging.JsonLoggingConfigurator;
import com.biometriclogger.util.Plural;
import com.biometriclogger.util.TextWrap;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * {@code erase}: erases one subject's audit items and images under signed erasure records, which
 * {@code verify} then counts as ERASED. Runs with the same environment as {@code verify}.
 */
public final class EraseCommand {

    private EraseCommand() {
    }

    public static void main(String[] args) {
        System.setProperty(JsonLoggingConfigurator.LOG_TO_STDERR, "true");
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** @return the exit status: 0 erased (or nothing in the way of it), 1 refused (all, or the items that do not verify), 2 could not run */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.println(EraseOptions.USAGE);
            return 0;
        }
        EraseOptions options;
        try {
            options = EraseOptions.parse(args, System.getProperty("user.name"));
        } catch (IllegalArgumentException e) {
            err.println("erase: " + e.getMessage());
            err.println(EraseOptions.USAGE);
            return 2;
        }
        try {
            var clients = new AwsClients(CliAccess.fromEnvironment(env));
            // The keys' ARNs as KMS names them, which is what verify trusts; and a key that cannot be read stops us before anything is written.
            var keys = options.kmsKeyIds().stream().map(id -> KmsEvidenceSigner.publicKey(clients.kms(), id)).toList();
            String keyArn = keys.get(0).keyId().orElseThrow();
            var erasure = new Erasure(new DynamoDbErasureLedger(clients.dynamoDb(), options.table()),
                    new S3SubjectImages(clients.s3()), new DynamoDbSealStore(clients.dynamoDb(), options.sealTable()),
                    new SignatureCheck(keys), new EvidenceSigning(new KmsEvidenceSigner(clients.kms(), keyArn)),
                    RecordCommitments.to(options.commitments(), clients, err, "erase", "the erasure records are not "
                            + "committed, so a point-in-time restore that undoes this erasure goes unnamed until the "
                            + "records' hour is sealed"), Clock.systemUTC());
            var subject = new SubjectKeys(options.bucket(), options.uploadPrefix(), options.referencePrefix(),
                    options.subject());
            var plan = erasure.plan(subject);
            describe(plan, options, out);
            if (plan.items().isEmpty() && plan.images().isEmpty()) {
                // Most often a misspelt id: say so, rather than report a successful erasure of nothing.
                err.println(TextWrap.wrap("erase: ", "  ", "warning: subject " + options.subject() + " has no audit items "
                        + "and no images in " + options.bucket() + ": check the id (the <subject> of "
                        + options.uploadPrefix() + "<subject>/...)"));
            }
            if (!plan.unsealedPeriods().isEmpty()) {
                err.println("erase: refused, nothing changed: items of hours not sealed yet ("
                        + String.join(", ", plan.unsealedPeriods()) + " UTC)");
                err.println("  an hour is sealed within the hour after it ends: erase again then");
                err.println("  (on the local stack, `target/bin/local seal` seals them now)");
                return 1;
            }
            if (options.dryRun()) {
                out.println("dry run: nothing changed");
                return refused(plan, err);
            }
            var outcome = erasure.erase(plan, new ErasureRecord.Request(options.request(), options.legalBasis(),
                    options.erasedBy()));
            outcome.recordsFound().forEach(found -> out.println("  already recorded: " + found.attemptId()
                    + " (request " + found.get(AuditAttribute.ERASURE_REQUEST).orElse("") + ")"));
            out.println("erased: " + outcome.recordsWritten() + " erasure records written, " + outcome.recordsFound().size()
                    + " found from an earlier run,\n  " + outcome.itemsDeleted() + " audit items and "
                    + outcome.imagesDeleted() + " image versions deleted");
            return refused(plan, err);
        } catch (ConfigurationException | IllegalArgumentException | IllegalStateException e) {
            err.println("erase: " + e.getMessage());
        } catch (ResourceNotFoundException e) {
            err.println("erase: no such table (" + options.table() + " or " + options.sealTable() + "): "
                    + e.awsErrorDetails().errorMessage());
        } catch (SdkException e) {
            // A dry run changes nothing, and a run that failed before its first write started nothing.
            String why = RefusedEndpoints.named(env).orElse(e.getMessage());
            err.println(options.dryRun() ? "erase: could not read the ledger: " + why
                    : "erase: stopped: " + why + "\nrun the same command again to finish what it started");
        }
        return 2;
    }

    /** One line per item left for an investigation; the status says whether there were any. */
    private static int refused(Erasure.Plan plan, PrintStream err) {
        plan.refused().forEach(finding -> err.println("erase: refused " + ReportFormat.printable(finding.about()) + ": " + finding.problem()
                + ": " + ReportFormat.printable(finding.detail())));
        if (plan.refused().isEmpty()) {
            return 0;
        }
        err.println(TextWrap.wrap("erase: ", "  ", Plural.of(plan.refused().size(), "item") + " refused: left in place, "
                + "with the image version each names, for an investigation (run verify); the rest is erased; erase "
                + "again after it"));
        return 1;
    }

    private static void describe(Erasure.Plan plan, EraseOptions options, PrintStream out) {
        out.println((options.dryRun() ? "would erase" : "erasing") + " subject " + ReportFormat.printable(options.subject())
                + " under request " + ReportFormat.printable(options.request()) + " (" + ReportFormat.printable(options.legalBasis())
                + "), recorded as erased by " + ReportFormat.printable(options.erasedBy()));
        out.println("  audit items: " + plan.items().size());
        // Two lines an item: an id and its record's are 64 and 72 characters, too wide for one line.
        plan.items().forEach(item -> out.println("    " + item.attemptId() + "  " + ReportFormat.printable(item.get(AuditAttribute.OBJECT_KEY).orElse(""))
                + "\n      -> record " + ErasureRecord.idFor(item.attemptId())));
        out.println("  image versions and delete markers: " + plan.images().size());
        plan.images().forEach(version -> out.println("    " + ReportFormat.printable(version.key()) + "  version " + version.versionId()));
    }
}
