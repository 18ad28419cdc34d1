package com.biometriclogger.testing;

import com.biometriclogger.local.stack.LocalStack;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(LocalStackExtension.class)}: a test, or its {@code @BeforeEach}, takes a
 * {@link Scenario} parameter and gets its own audit table, upload bucket, face recording and an
 * empty alert topic, so no test sees another's items. The servers start once per test run
 * (DynamoDB Local, S3Proxy and the endpoints take about a second) and stop when it ends: the way
 * the AWS SDK's dynamodb-enhanced functional tests share one DynamoDB Local and give each test its
 * own table names. A {@code Scenario} taken by a {@code @BeforeAll} method is the whole class's.
 */
public final class LocalStackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackExtension.class);
    private static final AtomicInteger SCENARIOS = new AtomicInteger();

    /** The servers of the run; the test engine closes them (as an AutoCloseable in the root store) when the run ends. */
    private record Servers(LocalStack stack, CurrentTestFaces faces) implements AutoCloseable {

        static Servers start() {
            var faces = new CurrentTestFaces();
            return new Servers(LocalStack.start(faces), faces);
        }

        @Override
        public void close() {
            stack.close();
        }
    }

    /** One test's scenario and its turn at the face endpoint, which ends with the test (or its class). */
    private record Turn(Scenario scenario, CurrentTestFaces.Hold faces) implements AutoCloseable {

        @Override
        public void close() {
            faces.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Scenario.class;
    }

    @Override
    public Scenario resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(Turn.class, key -> newTurn(context), Turn.class).scenario();
    }

    private static Turn newTurn(ExtensionContext context) {
        var servers = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Servers.class, key -> Servers.start(), Servers.class);
        int number = SCENARIOS.incrementAndGet();
        var bucket = "uploads-" + number;
        var table = "audit-" + number;
        servers.stack().createUploadBucket(bucket);
        servers.stack().createAuditTable(table);
        servers.stack().sns().drain();
        var faces = new RecordedFaces();
        return new Turn(new Scenario(servers.stack(), faces, bucket, table), servers.faces().answerFrom(faces));
    }
}
