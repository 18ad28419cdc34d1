package com.biometriclogger.aws;

import com.biometriclogger.config.Settings;
import com.biometriclogger.evidence.EvidenceSigning;
import com.biometriclogger.verify.IdentityVerification;
import com.biometriclogger.verify.ImageVerifier;
import com.biometriclogger.verify.ThresholdPolicy;
import java.time.Clock;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Wires the verification flow to real AWS clients (or to local stand-ins via endpoint overrides). */
public final class VerifierFactory {

    private VerifierFactory() {
    }

    public static ImageVerifier create(Settings settings) {
        var clients = new AwsClients(settings);
        var s3 = clients.s3();
        var rekognition = clients.rekognition();
        var auditLog = new DynamoDbAuditLog(clients.dynamoDb(), settings.auditTableName(),
                new EvidenceSigning(new KmsEvidenceSigner(clients.kms(), settings.signingKeyArn())));
        return new ImageVerifier(
                settings.uploadScope(),
                new S3ImageSource(s3),
                new RekognitionFaceAnalyzer(rekognition),
                new ThresholdPolicy(settings.thresholds()),
                identity(settings, s3, rekognition, auditLog),
                auditLog,
                Clock.systemUTC());
    }

    private static IdentityVerification identity(Settings settings, S3Client s3, RekognitionClient rekognition,
                                                 DynamoDbAuditLog auditLog) {
        var identity = settings.identity();
        if (identity.mode() != Settings.Mode.VERIFY) {
            return null;
        }
        return new IdentityVerification(settings.uploadScope().prefix(), identity.referencePrefix(),
                identity.minSimilarity(), new S3ReferenceRegistry(s3, auditLog.table(), identity.referencePrefix()),
                new RekognitionFaceComparer(rekognition));
    }
}
