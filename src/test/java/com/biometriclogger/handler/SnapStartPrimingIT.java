package com.biometriclogger.handler;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.aws.AwsClients;
import com.biometriclogger.config.Settings;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.LocalKms;
import com.biometriclogger.local.stack.LoopbackHttpServer;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The SnapStart priming hook, called directly as Lambda calls it before the snapshot (org.crac does
 * nothing on a JVM without CRaC): it loads the recorded classes, sends nothing, resolves no
 * credentials, writes nothing to any table, and leaves the function's clients working.
 */
@ExtendWith(LocalStackExtension.class)
class SnapStartPrimingIT {

    @Test
    void primingLoadsEveryRecordedClass() {
        var loader = new RecordingClassLoader(SnapStartPrimingIT.class.getClassLoader());
        var clients = new AwsClients(Settings.fromEnvironment(unreachableEnvironment()).aws());
        var priming = new SnapStartPriming(clients.s3(), clients.rekognition(), clients.dynamoDb(), clients.kms(), loader);
        var recorded = priming.recordedClasses();

        priming.beforeCheckpoint(null);

        assertTrue(recorded.size() > 3000, "the recorded list holds a real decision's classes, not " + recorded.size());
        assertTrue(recorded.containsAll(List.of("com.biometriclogger.decision.DecisionFlow",
                "com.biometriclogger.aws.DynamoDbAuditLog", "software.amazon.awssdk.services.kms.model.SignRequest",
                "software.amazon.awssdk.services.rekognition.model.CompareFacesResponse")));
        assertTrue(loader.requested.containsAll(recorded), "every recorded class was asked for");
        var ours = recorded.stream().filter(name -> !isJdk(name)).toList();
        var missing = loader.missing.stream().filter(ours::contains).toList();
        assertEquals(List.of(), missing, "classes in " + SnapStartPriming.CLASS_LIST + " that no longer exist: "
                + "regenerate it with `mvn -q -DskipTests package exec:java@priming-classes`");
        assertTrue(loader.loaded.containsAll(ours), "every recorded class of ours and of the zip's jars was loaded");
    }

    @Test
    void primingSendsNothingAnywhere() {
        List<String> received = new CopyOnWriteArrayList<>();
        var server = LoopbackHttpServer.start(0, "/", "priming-sink", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        try {
            String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
            var env = unreachableEnvironment();
            for (String service : List.of("S3", "DYNAMODB", "REKOGNITION", "KMS")) {
                env.put("AWS_ENDPOINT_URL_" + service, endpoint);
            }
            var priming = Wiring.verificationFunction(Settings.fromEnvironment(env), Wiring.Seams.NONE).priming();

            priming.beforeCheckpoint(null);

            assertEquals(List.of(), received, "priming must not send a single request");
        } finally {
            server.stop(0);
        }
    }

    /**
     * Under SnapStart the function's credentials come from the container endpoint; this JVM has
     * none, so any attempt to resolve them during priming would throw (and credentials resolved
     * there would be frozen into the snapshot).
     */
    @Test
    void primingResolvesNoCredentials() {
        var env = unreachableEnvironment();
        env.remove("AWS_ACCESS_KEY_ID");
        env.remove("AWS_SECRET_ACCESS_KEY");
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/never-asked");
        var priming = Wiring.verificationFunction(Settings.fromEnvironment(env), Wiring.Seams.NONE).priming();

        assertDoesNotThrow(() -> priming.beforeCheckpoint(null), "priming asked for credentials");
    }

    @Test
    void primingWritesNothingToAnyTableAndTheFunctionStillDecides(Scenario scenario) {
        byte[] selfie = TestImages.jpeg(7);
        scenario.faces().respond(selfie, "one-clear-face.json");
        var event = scenario.eventFile("single-upload.json", selfie);
        var function = Wiring.verificationFunction(Settings.fromEnvironment(scenario.environment()), Wiring.Seams.NONE);
        var before = everyTable(scenario);

        function.priming().beforeCheckpoint(null);

        assertEquals(before, everyTable(scenario), "priming changed a table");
        var report = Scenario.invoke(new DecisionHandler(function.flow()), event);
        assertEquals("AUTHORIZED", report.results().get(0).decision().name());
        assertEquals("AUTHORIZED", scenario.onlyAuditItem().get("decision"));
    }

    private static Map<String, List<Map<String, AttributeValue>>> everyTable(Scenario scenario) {
        var dynamoDb = scenario.stack().dynamoDb();
        Map<String, List<Map<String, AttributeValue>>> tables = new LinkedHashMap<>();
        for (String table : dynamoDb.listTablesPaginator().tableNames()) {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            dynamoDb.scanPaginator(b -> b.tableName(table)).items().forEach(items::add);
            tables.put(table, items);
        }
        assertTrue(tables.containsKey(scenario.table()), "the scenario's audit table is among those compared");
        return tables;
    }

    /** Settings Lambda would accept, with endpoints where nothing listens. */
    private static Map<String, String> unreachableEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "AKIDPRIMINGTEST");
        env.put("AWS_SECRET_ACCESS_KEY", "priming-test");
        env.put("AUDIT_TABLE_NAME", "audit");
        env.put("UPLOAD_BUCKET", "uploads-bucket");
        env.put("SIGNING_KEY_ARN", LocalKms.KEY_ARN);
        env.put("COMMITMENT_ARCHIVE_BUCKET", "archive-bucket");
        // VERIFY mode's init asks KMS for the signing key's public half (Wiring), which is init's, not priming's.
        env.put("VERIFICATION_MODE", "DETECT_ONLY");
        for (String service : List.of("S3", "DYNAMODB", "REKOGNITION", "KMS")) {
            env.put("AWS_ENDPOINT_URL_" + service, "http://127.0.0.1:9");
        }
        return env;
    }

    /** The JDK's own classes differ between builds; a list recorded on one may name some another lacks. */
    private static boolean isJdk(String name) {
        return Stream.of("java.", "javax.", "jdk.", "sun.", "com.sun.").anyMatch(name::startsWith);
    }

    /** Records what the priming asks for; the classes themselves come from (and stay in) the parent. */
    private static final class RecordingClassLoader extends ClassLoader {
        final Set<String> requested = ConcurrentHashMap.newKeySet();
        final Set<String> loaded = ConcurrentHashMap.newKeySet();
        final Set<String> missing = ConcurrentHashMap.newKeySet();

        RecordingClassLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            requested.add(name);
            try {
                var type = super.loadClass(name, resolve);
                loaded.add(type.getName());
                return type;
            } catch (ClassNotFoundException e) {
                missing.add(name);
                throw e;
            }
        }
    }
}
