package com.biometriclogger.local.stack;

import static com.biometriclogger.decision.AuditAttribute.*;

import com.biometriclogger.aws.S3SealArchive;
import com.biometriclogger.cli.ReviewCommand;
import com.biometriclogger.cli.VerifyCommand;
import com.biometriclogger.config.SealSettings;
import com.biometriclogger.evidence.EvidenceSigning;
import com.biometriclogger.evidence.SealPeriod;
import com.biometriclogger.evidence.SealRecord;
import com.biometriclogger.evidence.Sealer;
import com.biometriclogger.handler.Wiring;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The evidence side of the local stack: its sealer, the verify command on its tables, and a tampered copy to show what verify catches. */
public final class LocalEvidence {

    private LocalEvidence() {
    }

    public static Sealer sealer(LocalStack stack, String table, Clock clock) {
        return Wiring.sealer(SealSettings.fromEnvironment(stack.functionEnvironment("", table)), clock);
    }

    /** The verify command exactly as a user runs it against a deployment, here against this stack. */
    public static int verify(LocalStack stack, String table, PrintStream out, PrintStream err, String... extra) {
        return VerifyCommand.run(verifyArguments(table, extra).toArray(String[]::new), stack.functionEnvironment("", table),
                out, err);
    }

    /** The review command exactly as a reviewer runs it against a deployment, here against this stack. */
    public static int review(LocalStack stack, String table, PrintStream out, PrintStream err, String... extra) {
        List<String> args = new ArrayList<>(List.of("--table", table, "--kms-key-id", LocalKms.KEY_ARN,
                "--commitments", LocalStack.commitmentArchive(table)));
        args.addAll(List.of(extra));
        return ReviewCommand.run(args.toArray(String[]::new), stack.functionEnvironment("", table), out, err);
    }

    /** What a user types after {@code verify} for this stack's table: both keys, the seal archive and the commitments. */
    public static List<String> verifyArguments(String table, String... extra) {
        List<String> args = new ArrayList<>(List.of("--table", table, "--kms-key-id", LocalKms.KEY_ARN,
                "--seal-kms-key-id", LocalKms.SEAL_KEY_ARN,
                "--seal-archive", "s3://" + LocalStack.SEAL_ARCHIVE_BUCKET + "/" + LocalStack.sealArchivePrefix(table),
                "--commitments", LocalStack.commitmentArchive(table)));
        args.addAll(List.of(extra));
        return args;
    }

    /** What a user types after {@code erase} for a subject of this stack's table: the item key, and why. */
    public static List<String> eraseArguments(String table, String bucket, String subject, String request,
                                              String... extra) {
        List<String> args = new ArrayList<>(List.of("--table", table, "--bucket", bucket, "--kms-key-id", LocalKms.KEY_ARN,
                "--subject", subject, "--legal-basis", "GDPR art. 17(1)(b)", "--request", request,
                "--commitments", LocalStack.commitmentArchive(table)));
        args.addAll(List.of(extra));
        return args;
    }

    /**
     * Copies {@code table}, its seals, their archived copies and its decisions' commitments to
     * {@code <table>-tampered}, then tampers with the copy the ways verify must catch. In its sealed
     * hours: one decision changed, one item deleted, one item forged from another's attributes and
     * signature; and, as a holder of the item-signing key would, one decision changed and re-signed, and
     * one item deleted together with its hour's seal before the sealer runs again. After the newest seal:
     * a decision not sealed yet changed and re-signed (when there is one), and a version-1 seal archived
     * for the next hour the sealer would seal (a downgrade).
     *
     * @return one line per change made
     */
    public static List<String> tamperedCopy(LocalStack stack, String table, String copy) {
        var dynamoDb = stack.dynamoDb();
        stack.createAuditTable(copy);
        var items = copyAll(dynamoDb, table, copy);
        var newestSeal = copyAll(dynamoDb, LocalStack.sealTableName(table), LocalStack.sealTableName(copy)).stream()
                .map(seal -> SealPeriod.parse(seal.get(SealRecord.PERIOD).s())).max(Comparator.naturalOrder()).orElseThrow();
        copyArchive(stack, LocalStack.sealArchivePrefix(table), LocalStack.sealArchivePrefix(copy));
        copyArchive(stack, LocalStack.commitmentPrefix(table), LocalStack.commitmentPrefix(copy));
        // The changes below are to decisions; review records (no object key) are copied as they are.
        items.removeIf(item -> !item.containsKey(OBJECT_KEY.stored()));
        items.sort(Comparator.comparing(item -> item.get(OBJECT_KEY.stored()).s()));
        var unsealed = items.stream().filter(item -> SealPeriod.parse(item.get(SEAL_PERIOD.stored()).s()).isAfter(newestSeal))
                .toList();
        items.removeAll(unsealed);
        List<String> changes = new ArrayList<>();
        var altered = items.stream().filter(item -> !"AUTHORIZED".equals(item.get(DECISION.stored()).s())).findFirst().orElseThrow();
        dynamoDb.updateItem(b -> b.tableName(copy).key(key(altered))
                .updateExpression("SET decision = :d, reasons = :r")
                .expressionAttributeValues(Map.of(":d", AttributeValue.fromS("AUTHORIZED"), ":r", AttributeValue.fromS(""))));
        changes.add("changed " + altered.get(OBJECT_KEY.stored()).s() + " from " + altered.get(DECISION.stored()).s() + " to AUTHORIZED");
        var deleted = items.get(items.size() - 1);
        dynamoDb.deleteItem(b -> b.tableName(copy).key(key(deleted)));
        changes.add("deleted the item of " + deleted.get(OBJECT_KEY.stored()).s());
        var forged = new HashMap<>(items.get(0));
        forged.put(ATTEMPT_ID.stored(), AttributeValue.fromS("f0f0f0f0" + items.get(0).get(ATTEMPT_ID.stored()).s().substring(8)));
        forged.put(OBJECT_KEY.stored(), AttributeValue.fromS("uploads/demo/intruder.jpg"));
        dynamoDb.putItem(b -> b.tableName(copy).item(forged));
        changes.add("inserted a forged item for uploads/demo/intruder.jpg (another item's signature)");
        if (items.size() > 4) {
            changes.add(resigned(stack, copy, items.get(3), "") + " (as a holder of kms:Sign could)");
            var gone = items.get(2);
            String period = gone.get(SEAL_PERIOD.stored()).s();
            dynamoDb.deleteItem(b -> b.tableName(copy).key(key(gone)));
            dynamoDb.deleteItem(b -> b.tableName(LocalStack.sealTableName(copy))
                    .key(Map.of(SealRecord.SEAL_ID, AttributeValue.fromS(SealRecord.sealId(period, 0)))));
            var resealed = sealer(stack, copy, Clock.systemUTC()).sealThrough(newestSeal.end());
            changes.add("deleted the item of " + gone.get(OBJECT_KEY.stored()).s() + " and its hour's seal, then ran the "
                    + "sealer: it restored the seal from the archive (" + resealed.restored() + ") instead of sealing the hour again");
        }
        unsealed.stream().findFirst().ifPresent(fresh -> changes.add(resigned(stack, copy, fresh,
                ", decided in hour " + fresh.get(SEAL_PERIOD.stored()).s() + ", not sealed yet,") + " (as the function's role could)"));
        changes.add(downgrade(stack, copy, newestSeal.next()));
        return changes;
    }

    /** Turns the decision over and signs the result with the item key, as the function's role or a holder of kms:Sign can. */
    private static String resigned(LocalStack stack, String copy, Map<String, AttributeValue> item, String when) {
        var content = strings(item);
        content.put(DECISION.stored(), "AUTHORIZED".equals(content.get(DECISION.stored())) ? "UNAUTHORIZED" : "AUTHORIZED");
        var signed = new EvidenceSigning(LocalKeyFileSigner.load(stack.signingKeyFile()).as(LocalKms.KEY_ARN)).sign(content);
        stack.dynamoDb().putItem(b -> b.tableName(copy).item(attributeValues(signed)));
        return "changed " + content.get(OBJECT_KEY.stored()) + when + " to " + content.get(DECISION.stored())
                + " and re-signed it with the item key";
    }

    /**
     * The seal role archives (and files in the seal table) a version-1 seal, ids only, for the next hour
     * before the sealer gets there, so that hour's decisions could later be rewritten unnamed.
     */
    private static String downgrade(LocalStack stack, String copy, SealPeriod next) {
        String hour = next.toString();
        var seal = new EvidenceSigning(LocalKeyFileSigner.load(stack.sealSigningKeyFile()).as(LocalKms.SEAL_KEY_ARN))
                .sign(Map.of(SealRecord.SEAL_ID, SealRecord.sealId(hour, 0), SealRecord.PERIOD, hour, SealRecord.PART, "0",
                        SealRecord.PART_COUNT, "1", SealRecord.ITEM_COUNT, "0", SealRecord.ATTEMPT_IDS, "",
                        SealRecord.SEALED_AT, Instant.now().toString()));
        new S3SealArchive(stack.s3(), LocalStack.SEAL_ARCHIVE_BUCKET, LocalStack.sealArchivePrefix(copy))
                .putOnce(hour, List.of(seal));
        stack.dynamoDb().putItem(b -> b.tableName(LocalStack.sealTableName(copy)).item(attributeValues(seal)));
        return "archived a version-1 seal (ids only) for " + hour + ", the next hour to seal, with the seal key, so that "
                + "its decisions could be rewritten unnamed (a downgrade)";
    }

    private static void copyArchive(LocalStack stack, String from, String to) {
        var s3 = stack.s3();
        s3.listObjectsV2Paginator(b -> b.bucket(LocalStack.SEAL_ARCHIVE_BUCKET).prefix(from)).contents().forEach(object ->
                s3.copyObject(b -> b.sourceBucket(LocalStack.SEAL_ARCHIVE_BUCKET).sourceKey(object.key())
                        .destinationBucket(LocalStack.SEAL_ARCHIVE_BUCKET)
                        .destinationKey(to + object.key().substring(from.length()))));
    }

    private static Map<String, String> strings(Map<String, AttributeValue> item) {
        var strings = new LinkedHashMap<String, String>();
        item.forEach((name, value) -> strings.put(name, value.s()));
        return strings;
    }

    private static Map<String, AttributeValue> attributeValues(Map<String, String> item) {
        var values = new LinkedHashMap<String, AttributeValue>();
        item.forEach((name, value) -> values.put(name, AttributeValue.fromS(value)));
        return values;
    }

    private static List<Map<String, AttributeValue>> copyAll(DynamoDbClient dynamoDb, String from, String to) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamoDb.scanPaginator(b -> b.tableName(from).consistentRead(true)).items().forEach(item -> {
            dynamoDb.putItem(b -> b.tableName(to).item(item));
            items.add(item);
        });
        return items;
    }

    private static Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
        return Map.of(ATTEMPT_ID.stored(), item.get(ATTEMPT_ID.stored()));
    }
}
