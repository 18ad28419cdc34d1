package com.biometriclogger.local.stack;

import com.biometriclogger.local.facebackend.FaceDetectionBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * The three stand-ins together on loopback (S3Proxy, DynamoDB Local, the Rekognition-protocol
 * endpoint), plus the environment that points the function at them.
 */
public final class LocalStack implements AutoCloseable {

    public static final String REGION = "us-east-1";
    /** DynamoDB Local accepts access key ids of letters and digits only. */
    public static final String ACCESS_KEY = "localaccesskey";
    public static final String SECRET_KEY = "localsecretkey";

    private final LocalS3 s3Server;
    private final LocalDynamoDb dynamoDbServer;
    private final LocalRekognition rekognition;
    private final S3Client s3;
    private final DynamoDbClient dynamoDb;
    private final LocalKms kms;
    private final LocalSns sns;
    private final DynamoDbStreamsClient streams;
    private final Path signingKeyFile;
    private final Path sealSigningKeyFile;
    /** Null in memory. */
    private final DataDirLock dataDirLock;

    private LocalStack(LocalS3 s3Server, LocalDynamoDb dynamoDbServer, LocalRekognition rekognition, S3Client s3,
                       DynamoDbClient dynamoDb, LocalKms kms, Path signingKeyFile, Path sealSigningKeyFile,
                       DataDirLock dataDirLock, int snsPort) {
        this.dataDirLock = dataDirLock;
        this.kms = kms;
        this.sns = LocalSns.start(snsPort);
        this.streams = DynamoDbStreamsClient.builder()
                .region(Region.of(REGION))
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(dynamoDbServer.endpoint())
                .build();
        this.signingKeyFile = signingKeyFile;
        this.sealSigningKeyFile = sealSigningKeyFile;
        this.s3Server = s3Server;
        this.dynamoDbServer = dynamoDbServer;
        this.rekognition = rekognition;
        this.s3 = s3;
        this.dynamoDb = dynamoDb;
    }

    /** Everything on free ports, in memory. */
    public static LocalStack start(FaceDetectionBackend faces) {
        return start(faces, Ports.ANY, null);
    }

    /**
     * @param dataDir null keeps buckets and tables in memory; otherwise they live under it
     */
    public static LocalStack start(FaceDetectionBackend faces, Ports ports, Path dataDir) {
        LocalS3 s3Server = null;
        LocalDynamoDb dynamoDbServer = null;
        var lock = dataDir == null ? null : DataDirLock.acquire(dataDir);
        try {
            s3Server = LocalS3.start(ports.s3(), dataDir == null ? null : dataDir.resolve("s3"), ACCESS_KEY, SECRET_KEY);
            dynamoDbServer = LocalDynamoDb.start(ports.dynamoDb(), dataDir == null ? null : dataDir.resolve("dynamodb"));
            var s3 = S3Client.builder()
                    .region(Region.of(REGION))
                    .credentialsProvider(credentials())
                    .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
                    .endpointOverride(s3Server.endpoint())
                    .forcePathStyle(true)
                    .overrideConfiguration(o -> o.addExecutionInterceptor(new WithoutExpectContinue()))
                    .build();
            var dynamoDb = DynamoDbClient.builder()
                    .region(Region.of(REGION))
                    .credentialsProvider(credentials())
                    .httpClient(UrlConnectionHttpClient.create())
                    .endpointOverride(dynamoDbServer.endpoint())
                    .build();
            var rekognition = LocalRekognition.start(ports.rekognition(), faces, s3);
            var keyDir = dataDir == null ? Files.createTempDirectory("biometric-logger-") : dataDir;
            var keyFile = keyDir.resolve(SIGNING_KEY_FILE_NAME);
            var sealKeyFile = keyDir.resolve(SEAL_SIGNING_KEY_FILE_NAME);
            var kms = LocalKms.start(ports.kms(), Map.of(LocalKms.KEY_ARN, LocalKeyFileSigner.createIfMissing(keyFile),
                    LocalKms.SEAL_KEY_ARN, LocalKeyFileSigner.createIfMissing(sealKeyFile),
                    LocalKms.REPLACEMENT_KEY_ARN,
                    LocalKeyFileSigner.createIfMissing(keyDir.resolve(REPLACEMENT_SIGNING_KEY_FILE_NAME))));
            var stack = new LocalStack(s3Server, dynamoDbServer, rekognition, s3, dynamoDb, kms, keyFile, sealKeyFile, lock,
                    ports.sns());
            stack.createUploadBucket(SEAL_ARCHIVE_BUCKET);
            return stack;
        } catch (IOException e) {
            closeQuietly(dynamoDbServer);
            closeQuietly(s3Server);
            closeQuietly(lock);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeQuietly(dynamoDbServer);
            closeQuietly(s3Server);
            closeQuietly(lock);
            throw e;
        }
    }

    /** The local KMS's key material: a file whose name and first line say what it is. */
    public static final String SIGNING_KEY_FILE_NAME = "LOCAL-TEST-ONLY-signing-key.pem";
    /** The replacement item key's material. */
    public static final String REPLACEMENT_SIGNING_KEY_FILE_NAME = "LOCAL-TEST-ONLY-replacement-signing-key.pem";
    /** The seal key's material, beside the item key's. */
    public static final String SEAL_SIGNING_KEY_FILE_NAME = "LOCAL-TEST-ONLY-seal-signing-key.pem";
    /**
     * The write-once seal archive. Locally nothing enforces Object Lock (no S3-compatible server here
     * does), so what is tested is the archive's own logic: write-once keys and the version checks.
     */
    public static final String SEAL_ARCHIVE_BUCKET = "biometric-logger-local-seal-archive";

    public Path signingKeyFile() {
        return signingKeyFile;
    }

    public Path sealSigningKeyFile() {
        return sealSigningKeyFile;
    }

    /** Each audit table's seals go under their own prefix of the one archive bucket. */
    public static String sealArchivePrefix(String auditTableName) {
        return auditTableName + "/seals/";
    }

    /** Each audit table's commitments, beside its seals in the archive bucket. */
    public static String commitmentPrefix(String auditTableName) {
        return auditTableName + "/commitments/";
    }

    /** As verify and erase take it. */
    public static String commitmentArchive(String auditTableName) {
        return "s3://" + SEAL_ARCHIVE_BUCKET + "/" + commitmentPrefix(auditTableName);
    }

    public LocalKms kms() {
        return kms;
    }

    /** The alert topic's stand-in: what the change alarm published. */
    public LocalSns sns() {
        return sns;
    }

    public DynamoDbStreamsClient dynamoDbStreams() {
        return streams;
    }

    /** 0 for any free port. */
    public record Ports(int s3, int dynamoDb, int rekognition, int kms, int sns) {

        public static final Ports ANY = new Ports(0, 0, 0, 0, 0);

        public int[] all() {
            return new int[] {s3, dynamoDb, rekognition, kms, sns};
        }
    }

    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    /**
     * The upload bucket, versioned as template.yaml declares it when the store can version.
     * S3Proxy's on-disk store (used with a data directory) cannot, so there the bucket stays
     * unversioned and the function pins its reads by eTag instead, its unversioned-bucket path.
     *
     * @return whether the bucket is versioned
     */
    public boolean createUploadBucket(String bucket) {
        try {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException alreadyThere) {
            // A data directory keeps buckets between runs.
        }
        if (!s3Server.supportsVersioning()) {
            return false;
        }
        s3.putBucketVersioning(b -> b.bucket(bucket)
                .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        return true;
    }

    /** The audit table and its seal table, as template.yaml declares them (streams included). */
    public void createAuditTable(String tableName) {
        AuditTable.createIfMissing(dynamoDb, tableName);
        AuditTable.createSealTableIfMissing(dynamoDb, sealTableName(tableName));
        AuditTable.enableStreamIfMissing(dynamoDb, tableName);
        AuditTable.enableStreamIfMissing(dynamoDb, sealTableName(tableName));
    }

    public static String sealTableName(String auditTableName) {
        return auditTableName + "-seals";
    }

    /**
     * The function's environment for this stack: what a deployment sets, pointed at loopback, in
     * detect-only mode (tests of 1:1 verification, and the local main job, turn VERIFY on).
     */
    public Map<String, String> functionEnvironment(String bucket, String tableName) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", REGION);
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        env.put("AUDIT_TABLE_NAME", tableName);
        env.put("UPLOAD_BUCKET", bucket);
        env.put("UPLOAD_PREFIX", "uploads/");
        env.put("VERIFICATION_MODE", "DETECT_ONLY");
        env.put("SIGNING_KEY_ARN", LocalKms.KEY_ARN);
        env.put("AWS_ENDPOINT_URL_KMS", kms.endpoint().toString());
        env.put("SEAL_TABLE_NAME", sealTableName(tableName));
        env.put("SEAL_SIGNING_KEY_ARN", LocalKms.SEAL_KEY_ARN);
        env.put("SEAL_ARCHIVE_BUCKET", SEAL_ARCHIVE_BUCKET);
        env.put("SEAL_ARCHIVE_PREFIX", sealArchivePrefix(tableName));
        env.put("COMMITMENT_ARCHIVE_BUCKET", SEAL_ARCHIVE_BUCKET);
        env.put("COMMITMENT_ARCHIVE_PREFIX", commitmentPrefix(tableName));
        env.put("AWS_ENDPOINT_URL_S3", s3Endpoint().toString());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint().toString());
        env.put("AWS_ENDPOINT_URL_REKOGNITION", rekognition.endpoint().toString());
        env.put("ALERT_TOPIC_ARN", LocalSns.TOPIC_ARN);
        env.put("AWS_ENDPOINT_URL_SNS", sns.endpoint().toString());
        return env;
    }

    public URI s3Endpoint() {
        return s3Server.endpoint();
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbServer.endpoint();
    }

    public LocalRekognition rekognition() {
        return rekognition;
    }

    public S3Client s3() {
        return s3;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    @Override
    public void close() {
        s3.close();
        dynamoDb.close();
        rekognition.close();
        kms.close();
        sns.close();
        streams.close();
        dynamoDbServer.close();
        s3Server.close();
        if (dataDirLock != null) {
            dataDirLock.close();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Already failing to start: the original error is the one worth reporting.
            }
        }
    }
}
