package com.biometriclogger.local;

import static com.biometriclogger.decision.AuditAttribute.*;

import com.biometriclogger.cli.VerifyCommand;
import com.biometriclogger.config.SealSettings;
import com.biometriclogger.evidence.Sealer;
import com.biometriclogger.handler.Wiring;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
        List<String> args = new ArrayList<>(List.of("--table", table, "--kms-key-id", LocalKms.KEY_ARN, "--no-progress"));
        args.addAll(List.of(extra));
        return VerifyCommand.run(args.toArray(String[]::new), stack.functionEnvironment("", table), out, err);
    }

    /**
     * Copies {@code table} and its seals to {@code <table>-tampered}, then tampers with the copy the
     * three ways verify must catch: one decision changed, one sealed item deleted, one item forged
     * from another's attributes and signature.
     *
     * @return one line per change made
     */
    public static List<String> tamperedCopy(LocalStack stack, String table, String copy) {
        var dynamoDb = stack.dynamoDb();
        stack.createAuditTable(copy);
        var items = copyAll(dynamoDb, table, copy);
        copyAll(dynamoDb, LocalStack.sealTableName(table), LocalStack.sealTableName(copy));
        items.sort(Comparator.comparing(item -> item.get(OBJECT_KEY.stored()).s()));
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
        return changes;
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
