package com.biometriclogger.testing;

import com.biometriclogger.local.stack.LocalStack;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One local stack per test JVM (starting DynamoDB Local and S3Proxy takes about a second), and a
 * fresh audit table per scenario so tests never see each other's items.
 */
public final class LocalStackFixture {

    /** The bucket every file in {@code events/} names. */
    public static final String EVENTS_BUCKET = "biometric-logger-uploads-123456789012";

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static LocalStack stack;
    private static RecordedFaces faces;

    private LocalStackFixture() {
    }

    public static synchronized Scenario newScenario() {
        if (stack == null) {
            faces = new RecordedFaces();
            stack = LocalStack.start(faces);
            stack.createUploadBucket(EVENTS_BUCKET);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        }
        String table = "audit-" + TABLES.incrementAndGet();
        stack.createAuditTable(table);
        return new Scenario(stack, faces, EVENTS_BUCKET, table);
    }
}
