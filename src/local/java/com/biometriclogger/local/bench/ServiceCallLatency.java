package com.biometriclogger.local.bench;

import static com.biometriclogger.local.bench.BenchStats.ms;
import static com.biometriclogger.local.bench.BenchStats.percentile;
import static com.biometriclogger.local.bench.BenchStats.round;

import com.biometriclogger.local.stack.LocalKms;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.util.Sha256;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

final class ServiceCallLatency {

    private ServiceCallLatency() {
    }

    /**
     * Every call the function makes on a detect-only decision, from a warm client in this JVM: what
     * the services themselves cost. The function reads the exact version, asks the table (one
     * consistent GetItem) whether the upload was already audited, sends the bytes inline to
     * DetectFaces, and signs the canonical item's SHA-256 with KMS before the conditional PutItem.
     */
    static Map<String, Object> measure(LocalStack stack, BenchUploads uploads, String bucket, String table, int samples) {
        Map<String, double[]> calls = new LinkedHashMap<>();
        for (String call : List.of("get_object", "get_item", "detect_faces", "kms_sign", "put_item")) {
            calls.put(call, new double[samples]);
        }
        try (var rekognition = RekognitionClient.builder().region(Region.US_EAST_1).credentialsProvider(LocalStack.credentials())
                .httpClient(UrlConnectionHttpClient.create()).endpointOverride(stack.rekognition().endpoint()).build();
             var kms = KmsClient.builder().region(Region.US_EAST_1).credentialsProvider(LocalStack.credentials())
                     .httpClient(UrlConnectionHttpClient.create()).endpointOverride(stack.kms().endpoint()).build()) {
            for (int i = 0; i < samples + 20; i++) {
                byte[] image = uploads.image();
                String key = "uploads/calls/" + i + ".jpg";
                var version = stack.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(image)).versionId();
                var attemptId = Map.of("attemptId", AttributeValue.fromS(key + version));
                long[] t = new long[6];
                t[0] = System.nanoTime();
                byte[] read = stack.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key).versionId(version)).asByteArray();
                t[1] = System.nanoTime();
                stack.dynamoDb().getItem(b -> b.tableName(table).key(attemptId).consistentRead(true));
                t[2] = System.nanoTime();
                rekognition.detectFaces(b -> b.image(im -> im.bytes(SdkBytes.fromByteArrayUnsafe(read))));
                t[3] = System.nanoTime();
                kms.sign(b -> b.keyId(LocalKms.KEY_ARN).messageType(MessageType.DIGEST)
                        .message(SdkBytes.fromByteArray(Sha256.newDigest().digest(read)))
                        .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256));
                t[4] = System.nanoTime();
                stack.dynamoDb().putItem(b -> b.tableName(table).item(attemptId).conditionExpression("attribute_not_exists(attemptId)"));
                t[5] = System.nanoTime();
                if (i >= 20) {
                    int call = 0;
                    for (double[] latencies : calls.values()) {
                        latencies[i - 20] = ms(t[call + 1] - t[call]);
                        call++;
                    }
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        double sum = 0;
        for (var call : calls.entrySet()) {
            double p50 = percentile(call.getValue(), 50);
            result.put(call.getKey(), p50);
            sum += p50;
        }
        result.put("sum", round(sum));
        return result;
    }
}
