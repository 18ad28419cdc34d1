package com.biometriclogger.evidence;

import com.biometriclogger.local.stack.LocalKeyFileSigner;
import com.biometriclogger.local.stack.LocalKms;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.testing.Scenario;
import com.biometriclogger.util.Sha256;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What insiders do to the ledger with exactly their rights: table writes through the real client, signatures with the key they hold. */
final class Insider {

    private final Scenario scenario;

    Insider(Scenario scenario) {
        this.scenario = scenario;
    }

    EvidenceSigning itemKeyHolder() {
        return new EvidenceSigning(LocalKeyFileSigner.load(scenario.stack().signingKeyFile()).as(LocalKms.KEY_ARN));
    }

    EvidenceSigning sealKeyHolder() {
        return new EvidenceSigning(LocalKeyFileSigner.load(scenario.stack().sealSigningKeyFile()).as(LocalKms.SEAL_KEY_ARN));
    }

    /** The hour's seal as the seal role could rewrite it: with no decisions left in it, validly signed. */
    Map<String, String> emptiedAndReSigned(String period) {
        var item = scenario.stack().dynamoDb().getItem(b -> b.tableName(LocalStack.sealTableName(scenario.table()))
                .key(Map.of(SealRecord.SEAL_ID, AttributeValue.fromS(SealRecord.sealId(period, 0))))).item();
        var seal = new HashMap<>(Scenario.asStrings(item));
        seal.put(SealRecord.LEAVES, "");
        seal.put(SealRecord.ITEM_COUNT, "0");
        seal.put(SealRecord.MERKLE_ROOT, Sha256.hex(new byte[0]));
        return sealKeyHolder().sign(seal);
    }

    void putItem(Map<String, String> item) {
        scenario.stack().dynamoDb().putItem(b -> b.tableName(scenario.table()).item(values(item)));
    }

    void putSeal(Map<String, String> seal) {
        scenario.stack().dynamoDb().putItem(b -> b.tableName(LocalStack.sealTableName(scenario.table())).item(values(seal)));
    }

    void deleteItem(String attemptId) {
        scenario.stack().dynamoDb().deleteItem(b -> b.tableName(scenario.table())
                .key(Map.of("attemptId", AttributeValue.fromS(attemptId))));
    }

    private static Map<String, AttributeValue> values(Map<String, String> strings) {
        var values = new HashMap<String, AttributeValue>();
        strings.forEach((name, value) -> values.put(name, AttributeValue.fromS(value)));
        return values;
    }
}
