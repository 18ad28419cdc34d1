package com.biometriclogger.aws;

import com.biometriclogger.config.SealSettings;
import com.biometriclogger.evidence.EvidenceSigning;
import com.biometriclogger.evidence.Sealer;
import java.time.Clock;

/** Wires the hourly sealer to DynamoDB and the signing key. */
public final class SealerFactory {

    private SealerFactory() {
    }

    public static Sealer create(SealSettings settings, Clock clock) {
        var clients = new AwsClients(settings.aws());
        var dynamoDb = clients.dynamoDb();
        return new Sealer(new DynamoDbPeriodIndex(dynamoDb, settings.auditTableName()),
                new DynamoDbSealStore(dynamoDb, settings.sealTableName()),
                new EvidenceSigning(new KmsEvidenceSigner(clients.kms(), settings.signingKeyArn())),
                clock);
    }
}
