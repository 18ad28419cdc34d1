package com.biometriclogger.aws;

import com.biometriclogger.config.Settings;
import com.biometriclogger.verify.ImageVerifier;
import com.biometriclogger.verify.ThresholdPolicy;
import java.time.Clock;

/** Wires the verification flow to real AWS clients (or to local stand-ins via endpoint overrides). */
public final class VerifierFactory {

    private VerifierFactory() {
    }

    public static ImageVerifier create(Settings settings) {
        var clients = new AwsClients(settings);
        return new ImageVerifier(
                settings.uploadScope(),
                new S3ImageSource(clients.s3()),
                new RekognitionFaceAnalyzer(clients.rekognition()),
                new ThresholdPolicy(settings.thresholds()),
                new DynamoDbAuditLog(clients.dynamoDb(), settings.auditTableName()),
                Clock.systemUTC());
    }
}
