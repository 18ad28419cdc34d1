package com.biometriclogger.local.bench;

import static com.biometriclogger.local.bench.BenchStats.median;
import static com.biometriclogger.local.bench.BenchStats.ms;
import static com.biometriclogger.local.bench.BenchStats.percentile;
import static com.biometriclogger.local.bench.BenchStats.round;
import static com.biometriclogger.local.bench.FunctionRuntime.HELLO;
import static com.biometriclogger.local.bench.FunctionRuntime.MARKED;
import static com.biometriclogger.local.bench.FunctionRuntime.OURS;
import static com.biometriclogger.local.bench.FunctionRuntime.lambdaFlags;

import com.biometriclogger.local.facebackend.FixedFaceBackend;
import com.biometriclogger.local.stack.LocalStack;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The performance benchmark, in one run against the local stack: cold starts under the real Lambda
 * runtime interface client on JDK 17 and (when installed) JDK 25, with and without an AOT cache,
 * beside a hello-world Java function and the Python peer, alternately; the first event after
 * SnapStart priming; warm latency against the services' own; hashing throughput, memory settings
 * and the zip. Prints every figure with its target and writes them to target/bench/results.json.
 *
 * <p>{@code mvn -q -DskipTests package exec:java@bench [-Dexec.args="--runs 5 --warm 200"]}
 */
public final class PerformanceBenchmark {

    private static final Path WORK = Path.of("target/bench");
    /** The deployment zip it measures: the one template.yaml deploys (DeployBuildIT checks they agree). */
    public static final Path ZIP = LambdaZip.ZIP;
    private static final String BUCKET = "bench-uploads";
    private static final String TABLE = "bench-audit";

    private final LocalStack stack;
    private final BenchUploads uploads;
    private final FunctionRuntime runtime;
    private final String ourClasspath;
    private final String helloClasspath;

    private PerformanceBenchmark(LocalStack stack, String ourClasspath, String helloClasspath) {
        this.stack = stack;
        this.uploads = new BenchUploads(stack, BUCKET);
        this.runtime = new FunctionRuntime(stack.functionEnvironment(BUCKET, TABLE), WORK);
        this.ourClasspath = ourClasspath;
        this.helloClasspath = helloClasspath;
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        int warm = 200;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--warm" -> warm = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (--runs N --warm N)");
            }
        }
        LambdaZip.requireBuilt("mvn -q -DskipTests package exec:java@bench");
        System.setProperty("LOG_LEVEL", "OFF");
        Files.createDirectories(WORK);
        Path task = LambdaZip.unpack(WORK.resolve("task"));
        String ric = FunctionRuntime.runtimeClientJars();
        String ours = task.resolve("lib") + File.separator + "*" + File.pathSeparator + ric;
        String hello = ric + File.pathSeparator + Path.of("target/test-classes").toAbsolutePath();
        try (var stack = LocalStack.start(new FixedFaceBackend())) {
            stack.createUploadBucket(BUCKET);
            stack.createAuditTable(TABLE);
            stack.dynamoDb().createTable(b -> b.tableName(PythonPeer.TABLE).billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("ImageHash")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("ImageHash").keyType(KeyType.HASH).build()));
            new PerformanceBenchmark(stack, ours, hello).run(runs, warm);
        }
    }

    private void run(int runs, int warm) throws Exception {
        var jdks = Jdk.onThisMachine();
        Jdk jdk17 = jdks.get(0);
        Jdk jdk25 = jdks.stream().filter(j -> j.feature() == 25).findFirst().orElse(null);
        Path python = PythonPeer.find();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", Machine.describe(jdks));
        results.put("load_average_before", Machine.loadAverage());

        List<String> withAot = withoutSharing(lambdaFlags(1024));
        if (jdk25 != null) {
            withAot.add("-XX:AOTCache=" + trainAotCache(jdk25));
        }
        Map<String, List<Cold>> cold = new LinkedHashMap<>();
        for (int run = 0; run < runs; run++) {
            for (Jdk jdk : jdks) {
                cold.computeIfAbsent("ours_jdk" + jdk.feature(), k -> new ArrayList<>())
                        .add(coldJava(jdk, ourClasspath, OURS, lambdaFlags(1024), uploads.upload()));
            }
            if (jdk25 != null) {
                cold.computeIfAbsent("ours_jdk25_aot", k -> new ArrayList<>())
                        .add(coldJava(jdk25, ourClasspath, OURS, withAot, uploads.upload()));
            }
            cold.computeIfAbsent("hello_jdk" + jdk17.feature(), k -> new ArrayList<>())
                    .add(coldJava(jdk17, helloClasspath, HELLO, lambdaFlags(1024), "{}"));
            if (python != null) {
                cold.computeIfAbsent("python", k -> new ArrayList<>())
                        .add(PythonPeer.cold(python, uploads.upload(), stack.functionEnvironment(BUCKET, TABLE), WORK));
            }
        }
        Map<String, Object> coldResults = new LinkedHashMap<>();
        cold.forEach((name, list) -> coldResults.put(name, Cold.medians(list)));
        results.put("cold_median_of_" + runs, coldResults);
        results.put("classes_loaded", Map.of("ours_jdk" + jdk17.feature(), classesLoaded(jdk17, ourClasspath, OURS, uploads.upload()),
                "hello_jdk" + jdk17.feature(), classesLoaded(jdk17, helloClasspath, HELLO, "{}")));

        Map<String, Object> firstEvent = new LinkedHashMap<>();
        for (Jdk jdk : jdks) {
            firstEvent.put("primed_jdk" + jdk.feature(), firstEvent(jdk, true, Math.max(3, runs / 2)));
            firstEvent.put("unprimed_jdk" + jdk.feature(), firstEvent(jdk, false, 1));
        }
        results.put("first_event_in_one_jvm", firstEvent);

        Map<String, Object> warmResults = new LinkedHashMap<>();
        for (Jdk jdk : jdks) {
            warmResults.put("c1_lambda_flags_jdk" + jdk.feature(), warm(jdk, lambdaFlags(1024), warm));
        }
        warmResults.put("c2_jdk" + jdk17.feature(), warm(jdk17, List.of("-XX:+UseSerialGC", "-Xmx870m"), warm));
        results.put("warm", warmResults);
        results.put("service_calls_p50_ms", ServiceCallLatency.measure(stack, uploads, BUCKET, TABLE, warm));
        results.put("sha256_mb_per_s",
                Map.of("c1", HashThroughput.measure(ourClasspath, true), "c2", HashThroughput.measure(ourClasspath, false)));
        results.put("zip", Map.of("bytes", LambdaZip.bytes(), "jars", LambdaZip.jars()));
        Map<String, Object> memory = new LinkedHashMap<>();
        for (int megabytes : new int[] {512, 1024, 1769}) {
            List<Cold> at = new ArrayList<>();
            for (int run = 0; run < Math.max(3, runs / 2); run++) {
                at.add(coldJava(jdk17, ourClasspath, OURS, lambdaFlags(megabytes), uploads.upload()));
            }
            memory.put(megabytes + "MB", Cold.medians(at));
        }
        results.put("cold_by_memory_setting_jdk" + jdk17.feature(), memory);
        results.put("load_average_after", Machine.loadAverage());
        new BenchReport(results, python != null).print();
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(WORK.resolve("results.json").toFile(), results);
        System.out.println("\nwritten: " + WORK.resolve("results.json"));
    }

    private Cold coldJava(Jdk jdk, String classpath, String handler, List<String> flags, String event) throws Exception {
        try (var api = RuntimeApiServer.start(List.of(event))) {
            long started = System.nanoTime();
            var process = runtime.start(jdk, classpath, handler, flags, api, "cold-" + jdk.feature(), Map.of());
            try {
                var answer = api.awaitAnswer(60);
                if (answer.error()) {
                    throw new IllegalStateException(handler + " failed: " + answer.body());
                }
                double rss = peakRssMb(process.pid());
                return new Cold(ms(api.firstNextNanos - started), ms(answer.nanos() - api.servedNanos(0)),
                        ms(answer.nanos() - started), rss);
            } finally {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * JDK 25's AOT cache (JEP 483/514), trained on one event: the closest local proxy for a JVM
     * restored from a primed snapshot, since it starts with the classes loaded and linked. Only the
     * JVM build that wrote it can use it: see docs/performance.md on why it is not shipped.
     */
    private Path trainAotCache(Jdk jdk25) throws Exception {
        Path cache = WORK.resolve("app.aot").toAbsolutePath();
        Files.deleteIfExists(cache);
        List<String> flags = withoutSharing(lambdaFlags(1024));
        flags.add("-XX:AOTCacheOutput=" + cache);
        try (var api = RuntimeApiServer.start(List.of(uploads.upload()))) {
            var process = runtime.start(jdk25, ourClasspath, OURS, flags, api, "aot-training", Map.of());
            api.awaitAnswer(60);
            process.destroy();
            process.waitFor(120, TimeUnit.SECONDS);
        }
        if (!Files.isRegularFile(cache)) {
            throw new IllegalStateException("JDK 25 wrote no AOT cache at " + cache + ": see " + WORK.resolve("aot-training.log"));
        }
        return cache;
    }

    /** JDK 25 refuses an AOT cache beside any -Xshare option (the cache is its class-data sharing). */
    private static List<String> withoutSharing(List<String> flags) {
        return new ArrayList<>(flags.stream().filter(flag -> !flag.startsWith("-Xshare")).toList());
    }

    private int classesLoaded(Jdk jdk, String classpath, String handler, String event) throws Exception {
        Path log = WORK.resolve("classes-" + handler.substring(handler.lastIndexOf('.', handler.indexOf("::")) + 1,
                handler.indexOf("::")) + ".txt").toAbsolutePath();
        List<String> flags = new ArrayList<>(lambdaFlags(1024));
        flags.add(ClassLoadLog.FLAG_PREFIX + log);
        try (var api = RuntimeApiServer.start(List.of(event))) {
            var process = runtime.start(jdk, classpath, handler, flags, api, "classes", Map.of());
            try {
                api.awaitAnswer(60);
            } finally {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        return ClassLoadLog.read(log).classes().size();
    }

    /**
     * Init (with the SnapStart priming when {@code primed}, as Lambda runs it before the snapshot),
     * then one event in the same JVM: how long the event took and how many classes it still loaded.
     */
    private Map<String, Object> firstEvent(Jdk jdk, boolean primed, int runs) throws Exception {
        double[] init = new double[runs];
        double[] event = new double[runs];
        double[] classes = new double[runs];
        List<String> loadedDuringEvent = List.of();
        for (int run = 0; run < runs; run++) {
            Path log = WORK.resolve("first-event-" + (primed ? "primed" : "unprimed") + "-jdk" + jdk.feature() + ".txt").toAbsolutePath();
            List<String> flags = new ArrayList<>(lambdaFlags(1024));
            flags.add(ClassLoadLog.FLAG_PREFIX + log);
            try (var api = RuntimeApiServer.start(List.of(uploads.upload()))) {
                long started = System.nanoTime();
                var process = runtime.start(jdk, ourClasspath + File.pathSeparator + Path.of("target/test-classes").toAbsolutePath(),
                        MARKED, flags, api, "first-event", Map.of("BENCH_PRIMING", primed ? "on" : "off"));
                try {
                    var answer = api.awaitAnswer(60);
                    if (answer.error()) {
                        throw new IllegalStateException("the marked handler failed: " + answer.body());
                    }
                    init[run] = ms(api.firstNextNanos - started);
                    event[run] = ms(answer.nanos() - api.servedNanos(0));
                } finally {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            var during = ClassLoadLog.read(log).after(MarkedHandler.FirstEvent.class.getName());
            classes[run] = during.size();
            loadedDuringEvent = during.stream().map(c -> c.name() + " (" + c.source() + ")").toList();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("init_ms", median(init));
        result.put("first_event_ms", median(event));
        result.put("classes_loaded_during_first_event", median(classes));
        result.put("runs_first_event_ms", Arrays.stream(event).map(v -> Math.round(v * 10) / 10.0).boxed().toList());
        result.put("last_run_classes", loadedDuringEvent);
        return result;
    }

    private Map<String, Object> warm(Jdk jdk, List<String> flags, int events) throws Exception {
        List<String> all = new ArrayList<>();
        for (int i = 0; i <= events; i++) {
            all.add(uploads.upload());
        }
        double[] latencies = new double[events];
        try (var api = RuntimeApiServer.start(all)) {
            var process = runtime.start(jdk, ourClasspath, OURS, flags, api, "warm-" + jdk.feature(), Map.of());
            try {
                for (int i = 0; i <= events; i++) {
                    var answer = api.awaitAnswer(60);
                    if (answer.index() > 0) {
                        latencies[answer.index() - 1] = ms(answer.nanos() - api.servedNanos(answer.index()));
                    }
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("events", events);
                result.put("p50_ms", percentile(latencies, 50));
                result.put("p99_ms", percentile(latencies, 99));
                result.put("peak_rss_mb", peakRssMb(process.pid()));
                return result;
            } finally {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static double peakRssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return round(Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024);
            }
        }
        return Double.NaN;
    }
}
