package com.biometriclogger.local.bench;

import com.biometriclogger.handler.VerificationHandler;
import com.biometriclogger.local.FixedFaceBackend;
import com.biometriclogger.local.LocalStack;
import com.biometriclogger.local.S3Events;
import com.biometriclogger.util.Sha256;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.rekognition.RekognitionClient;

/**
 * The performance benchmark: cold starts under the real Lambda runtime interface client (ours,
 * a hello-world Java function and the Python peer, alternately), warm latency, the services' own
 * latency, hashing throughput, memory settings and the zip size, in one run against the local
 * stack. Prints a table and writes the same figures to target/bench/results.json.
 *
 * <p>{@code mvn -q -DskipTests package exec:java@bench [-Dexec.args="--runs 5 --warm 200"]}
 */
public final class PerformanceBenchmark {

    private static final Path WORK = Path.of("target/bench");
    /** The deployment zip it measures: the one template.yaml deploys (DeployBuildIT checks they agree). */
    public static final Path ZIP = Path.of("target/biometric-logger-lambda.zip");
    private static final Path PYTHON_PEER = Path.of("../shared/bench/python_peer.py");
    private static final String BUCKET = "bench-uploads";
    private static final String TABLE = "bench-audit";
    private static final String PEER_TABLE = "BiometricAudit";
    private static final String HANDLER = "com.biometriclogger.handler.VerificationHandler::handleRequest";
    private static final String HELLO = "com.biometriclogger.local.bench.HelloHandler::handleRequest";
    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    private final LocalStack stack;
    private final Random random = new Random(7);
    private final String ourClasspath;
    private final String helloClasspath;
    private int uploads;

    private PerformanceBenchmark(LocalStack stack, String ourClasspath, String helloClasspath) {
        this.stack = stack;
        this.ourClasspath = ourClasspath;
        this.helloClasspath = helloClasspath;
    }

    record Cold(double initMs, double firstEventMs, double totalMs, double rssMb) {
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
        if (!Files.isRegularFile(ZIP)) {
            throw new IllegalStateException(ZIP + " is missing: run `mvn -q -DskipTests package exec:java@bench`");
        }
        System.setProperty("LOG_LEVEL", "OFF");
        Path task = unpack(ZIP, WORK.resolve("task"));
        String ric = runtimeClientJars();
        String ours = task.resolve("lib") + File.separator + "*" + File.pathSeparator + ric;
        String hello = ric + File.pathSeparator + Path.of("target/test-classes");
        try (var stack = LocalStack.start(new FixedFaceBackend())) {
            stack.createUploadBucket(BUCKET);
            stack.createAuditTable(TABLE);
            stack.dynamoDb().createTable(b -> b.tableName(PEER_TABLE).billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("ImageHash").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("ImageHash").keyType(KeyType.HASH)));
            new PerformanceBenchmark(stack, ours, hello).run(runs, warm);
        }
    }

    private void run(int runs, int warm) throws Exception {
        Files.createDirectories(WORK);
        boolean python = pythonPeerAvailable();
        Map<String, List<Cold>> cold = new LinkedHashMap<>();
        Path archive = trainClassDataArchive();
        List<String> withArchive = new ArrayList<>(lambdaFlags(1024));
        withArchive.add("-XX:SharedArchiveFile=" + archive);
        for (int run = 0; run < runs; run++) {
            cold.computeIfAbsent("ours", k -> new ArrayList<>()).add(coldJava(ourClasspath, HANDLER, lambdaFlags(1024), uploadEvent()));
            cold.computeIfAbsent("ours_appcds", k -> new ArrayList<>()).add(coldJava(ourClasspath, HANDLER, withArchive, uploadEvent()));
            cold.computeIfAbsent("hello", k -> new ArrayList<>()).add(coldJava(helloClasspath, HELLO, lambdaFlags(1024), "{}"));
            if (python) {
                cold.computeIfAbsent("python", k -> new ArrayList<>()).add(coldPython(uploadEvent()));
            }
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", machine());
        results.put("load_average_before", loadAverage());
        Map<String, Object> coldResults = new LinkedHashMap<>();
        cold.forEach((name, list) -> coldResults.put(name, medians(list)));
        results.put("cold_median_of_" + runs, coldResults);
        results.put("classes_loaded", Map.of("ours", classesLoaded(ourClasspath, HANDLER, uploadEvent()),
                "hello", classesLoaded(helloClasspath, HELLO, "{}")));
        results.put("warm_c1_lambda_flags", warm(lambdaFlags(1024), warm));
        results.put("warm_c2", warm(List.of("-XX:+UseSerialGC", "-Xmx870m"), warm));
        results.put("service_calls_p50_ms", serviceCalls(warm));
        results.put("sha256_mb_per_s", Map.of("c1", hashThroughput(true), "c2", hashThroughput(false)));
        results.put("zip_bytes", Files.size(ZIP));
        Map<String, Object> memory = new LinkedHashMap<>();
        for (int megabytes : new int[] {512, 1024, 1769}) {
            List<Cold> at = new ArrayList<>();
            for (int run = 0; run < Math.max(3, runs / 2); run++) {
                at.add(coldJava(ourClasspath, HANDLER, lambdaFlags(megabytes), uploadEvent()));
            }
            memory.put(megabytes + "MB", medians(at));
        }
        results.put("cold_by_memory_setting", memory);
        results.put("load_average_after", loadAverage());
        print(results, python);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(WORK.resolve("results.json").toFile(), results);
        System.out.println("\nwritten: " + WORK.resolve("results.json"));
    }

    /** Lambda's java21 flags, with the heap Lambda gives a function of that memory size (about 85 %). */
    private static List<String> lambdaFlags(int megabytes) {
        return List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Xmx" + (megabytes * 85 / 100) + "m");
    }

    private Cold coldJava(String classpath, String handler, List<String> flags, String event) throws Exception {
        try (var api = RuntimeApiServer.start(List.of(event))) {
            long started = System.nanoTime();
            var process = startRuntime(classpath, handler, flags, api, List.of());
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
     * An AppCDS archive of the classes one event loads, dumped when a training run exits. Only the
     * JVM build that dumped it can map it: see the README on what this means on Lambda.
     */
    private Path trainClassDataArchive() throws Exception {
        Path archive = WORK.resolve("app-cds.jsa").toAbsolutePath();
        Files.deleteIfExists(archive);
        try (var api = RuntimeApiServer.start(List.of(uploadEvent()))) {
            var process = startRuntime(ourClasspath, HANDLER, lambdaFlags(1024), api, List.of("-XX:ArchiveClassesAtExit=" + archive));
            api.awaitAnswer(60);
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the JVM wrote no class-data archive at " + archive);
        }
        return archive;
    }

    private int classesLoaded(String classpath, String handler, String event) throws Exception {
        Path log = WORK.resolve("classes-" + handler.substring(handler.lastIndexOf('.', handler.indexOf("::")) + 1,
                handler.indexOf("::")) + ".txt");
        try (var api = RuntimeApiServer.start(List.of(event))) {
            var process = startRuntime(classpath, handler, lambdaFlags(1024), api, List.of("-Xlog:class+load=info:file=" + log));
            try {
                api.awaitAnswer(60);
            } finally {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        try (var lines = Files.lines(log)) {
            return (int) lines.filter(l -> l.contains(" source: ")).count();
        }
    }

    private Map<String, Object> warm(List<String> flags, int events) throws Exception {
        List<String> all = new ArrayList<>();
        for (int i = 0; i <= events; i++) {
            all.add(uploadEvent());
        }
        double[] latencies = new double[events];
        try (var api = RuntimeApiServer.start(all)) {
            var process = startRuntime(ourClasspath, HANDLER, flags, api, List.of());
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

    /** The three calls the function makes, from a warm client in this JVM: what the services themselves cost. */
    private Map<String, Object> serviceCalls(int samples) {
        double[] get = new double[samples];
        double[] detect = new double[samples];
        double[] put = new double[samples];
        try (var rekognition = RekognitionClient.builder().region(Region.US_EAST_1).credentialsProvider(LocalStack.credentials())
                .httpClient(UrlConnectionHttpClient.create()).endpointOverride(stack.rekognition().endpoint()).build()) {
            for (int i = 0; i < samples + 20; i++) {
                byte[] image = image();
                String key = "uploads/calls/" + i + ".jpg";
                var version = stack.s3().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(image)).versionId();
                long t0 = System.nanoTime();
                byte[] read = stack.s3().getObjectAsBytes(b -> b.bucket(BUCKET).key(key).versionId(version)).asByteArray();
                long t1 = System.nanoTime();
                rekognition.detectFaces(b -> b.image(im -> im.bytes(SdkBytes.fromByteArrayUnsafe(read))));
                long t2 = System.nanoTime();
                stack.dynamoDb().putItem(b -> b.tableName(TABLE).item(Map.of("attemptId",
                        AttributeValue.fromS(Sha256.hex(read) + key))).conditionExpression("attribute_not_exists(attemptId)"));
                long t3 = System.nanoTime();
                if (i >= 20) {
                    get[i - 20] = ms(t1 - t0);
                    detect[i - 20] = ms(t2 - t1);
                    put[i - 20] = ms(t3 - t2);
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("get_object", percentile(get, 50));
        result.put("detect_faces", percentile(detect, 50));
        result.put("put_item", percentile(put, 50));
        result.put("sum", percentile(get, 50) + percentile(detect, 50) + percentile(put, 50));
        return result;
    }

    private Cold coldPython(String event) throws Exception {
        Path eventFile = WORK.resolve("python-event.json");
        Files.writeString(eventFile, event);
        var command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "python3", PYTHON_PEER.toString(), eventFile.toString()));
        var builder = new ProcessBuilder(command).redirectOutput(WORK.resolve("python.out").toFile())
                .redirectError(WORK.resolve("python.err").toFile());
        builder.environment().putAll(stack.functionEnvironment(BUCKET, TABLE));
        builder.environment().put("AWS_DEFAULT_REGION", LocalStack.REGION);
        builder.environment().put("AUDIT_TABLE", PEER_TABLE);
        builder.environment().put("CONFIDENCE_THRESHOLD", "90");
        long started = System.nanoTime();
        var process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("the Python peer failed: " + Files.readString(WORK.resolve("python.err")));
        }
        double total = ms(System.nanoTime() - started);
        var lines = Files.readAllLines(WORK.resolve("python.err"));
        double rssMb = Double.parseDouble(lines.get(lines.size() - 1).trim()) / 1024;
        return new Cold(Double.NaN, Double.NaN, total, rssMb);
    }

    private Process startRuntime(String classpath, String handler, List<String> flags, RuntimeApiServer api,
                                 List<String> extraFlags) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.addAll(extraFlags);
        command.addAll(List.of("-cp", classpath, RIC_MAIN, handler));
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(WORK.resolve("runtime-" + (flags.contains("-XX:TieredStopAtLevel=1") ? "c1" : "c2")
                        + "-" + handler.substring(handler.lastIndexOf('.', handler.indexOf("::")) + 1, handler.indexOf("::"))
                        + ".log").toFile());
        var env = builder.environment();
        env.putAll(stack.functionEnvironment(BUCKET, TABLE));
        env.put("AWS_LAMBDA_RUNTIME_API", api.address());
        env.put("AWS_LAMBDA_FUNCTION_NAME", "bench");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
        env.put("_HANDLER", handler);
        env.put("LOG_LEVEL", "INFO");
        return builder.start();
    }

    private String uploadEvent() {
        byte[] image = image();
        String key = "uploads/bench/" + (++uploads) + ".jpg";
        var put = stack.s3().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(image));
        var object = S3Events.objectCreated(LocalStack.REGION, BUCKET, key, image.length, put, uploads).getS3().getObject();
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"%s","eventTime":"2026-11-24T08:14:03.512Z",\
                "eventName":"ObjectCreated:Put","userIdentity":{"principalId":"AWS:BENCH"},"requestParameters":{"sourceIPAddress":"127.0.0.1"},\
                "responseElements":{"x-amz-request-id":"BENCH","x-amz-id-2":"BENCH"},"s3":{"s3SchemaVersion":"1.0","configurationId":"bench",\
                "bucket":{"name":"%s","ownerIdentity":{"principalId":"BENCH"},"arn":"arn:aws:s3:::%s"},\
                "object":{"key":"%s","size":%d,"eTag":"%s","versionId":"%s","sequencer":"%s"}}}]}"""
                .formatted(LocalStack.REGION, BUCKET, BUCKET, object.getKey(), object.getSizeAsLong(), object.geteTag(),
                        object.getVersionId(), object.getSequencer());
    }

    /** A 48 KB "photo": JPEG magic and noise, the size of a typical selfie upload. */
    private byte[] image() {
        byte[] bytes = new byte[48 * 1024];
        random.nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return bytes;
    }

    private double hashThroughput(boolean c1Only) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (c1Only) {
            command.addAll(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"));
        }
        command.addAll(List.of("-cp", ourClasspath + File.pathSeparator + Path.of("target/test-classes"),
                HashThroughput.class.getName()));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor(120, TimeUnit.SECONDS);
        return Double.parseDouble(output.lines().reduce((a, b) -> b).orElseThrow());
    }

    private static boolean pythonPeerAvailable() throws Exception {
        if (!Files.isRegularFile(PYTHON_PEER) || !Files.isExecutable(Path.of("/usr/bin/time"))) {
            return false;
        }
        var check = new ProcessBuilder("python3", "-c", "import boto3").redirectErrorStream(true).start();
        return check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0;
    }

    private static double peakRssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return Double.NaN;
    }

    private static Map<String, Object> medians(List<Cold> runs) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("init_ms", median(runs.stream().mapToDouble(Cold::initMs).toArray()));
        result.put("first_event_ms", median(runs.stream().mapToDouble(Cold::firstEventMs).toArray()));
        result.put("total_ms", median(runs.stream().mapToDouble(Cold::totalMs).toArray()));
        result.put("peak_rss_mb", median(runs.stream().mapToDouble(Cold::rssMb).toArray()));
        result.put("runs_total_ms", runs.stream().map(c -> Math.round(c.totalMs())).toList());
        return result;
    }

    private static double median(double[] values) {
        return percentile(values, 50);
    }

    private static double percentile(double[] values, int percentile) {
        if (Arrays.stream(values).allMatch(Double::isNaN)) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return Math.round(sorted[Math.max(0, index)] * 10) / 10.0;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static Path unpack(Path zip, Path target) throws IOException {
        if (Files.exists(target)) {
            try (var walk = Files.walk(target)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (var archive = new ZipFile(zip.toFile())) {
            for (var entry : java.util.Collections.list(archive.entries())) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, out);
                    }
                }
            }
        }
        return target.toAbsolutePath();
    }

    /** The runtime client and what it needs, found where their classes were loaded from (exec:java runs inside Maven). */
    private static String runtimeClientJars() throws Exception {
        List<String> jars = new ArrayList<>();
        for (String type : List.of(RIC_MAIN, "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
                "com.amazonaws.services.lambda.runtime.Context")) {
            jars.add(Path.of(Class.forName(type).getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(File.pathSeparator, jars);
    }

    private static String machine() throws IOException {
        String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        return Runtime.getRuntime().availableProcessors() + " cores, " + model + ", Java " + System.getProperty("java.version");
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    @SuppressWarnings("unchecked")
    private static void print(Map<String, Object> r, boolean python) {
        var cold = (Map<String, Map<String, Object>>) r.entrySet().stream().filter(e -> e.getKey().startsWith("cold_median"))
                .findFirst().orElseThrow().getValue();
        var classes = (Map<String, Object>) r.get("classes_loaded");
        System.out.println("machine: " + r.get("machine") + "; load average before: " + r.get("load_average_before"));
        System.out.println();
        System.out.printf("%-34s %9s %15s %10s %12s %9s%n", "cold start (median, alternating)", "init ms", "first event ms",
                "total ms", "peak RSS MB", "classes");
        for (var entry : cold.entrySet()) {
            var c = entry.getValue();
            System.out.printf("%-34s %9s %15s %10s %12s %9s%n", label(entry.getKey()), orDash(c.get("init_ms")),
                    orDash(c.get("first_event_ms")), c.get("total_ms"), c.get("peak_rss_mb"), classes.getOrDefault(entry.getKey(), "-"));
        }
        double ours = (double) cold.get("ours").get("total_ms");
        double hello = (double) cold.get("hello").get("total_ms");
        System.out.printf("%nours / hello-world Java, total: %.2f (goal <= 8)%n", ours / hello);
        if (python) {
            double py = (double) cold.get("python").get("total_ms");
            System.out.printf("ours / Python peer, total:      %.2f (goal <= 1.0)%n", ours / py);
            System.out.printf("ours / Python peer, peak RSS:   %.2f (goal <= 2.5)%n",
                    (double) cold.get("ours").get("peak_rss_mb") / (double) cold.get("python").get("peak_rss_mb"));
        } else {
            System.out.println("Python peer: not run (needs ../shared/bench/python_peer.py, boto3 and /usr/bin/time)");
        }
        var c1 = (Map<String, Object>) r.get("warm_c1_lambda_flags");
        var c2 = (Map<String, Object>) r.get("warm_c2");
        var calls = (Map<String, Object>) r.get("service_calls_p50_ms");
        System.out.printf("%nwarm, %s events in one JVM:  C1 only (Lambda flags) p50 %s ms, p99 %s ms;  C2 p50 %s ms, p99 %s ms%n",
                c1.get("events"), c1.get("p50_ms"), c1.get("p99_ms"), c2.get("p50_ms"), c2.get("p99_ms"));
        System.out.printf("the services' own latency, p50: GetObject %s + DetectFaces %s + PutItem %s = %s ms%n",
                calls.get("get_object"), calls.get("detect_faces"), calls.get("put_item"), calls.get("sum"));
        System.out.printf("warm p50 / services' sum: C1 %.2f, C2 %.2f (goal <= 1.2)%n",
                (double) c1.get("p50_ms") / (double) calls.get("sum"), (double) c2.get("p50_ms") / (double) calls.get("sum"));
        var sha = (Map<String, Object>) r.get("sha256_mb_per_s");
        System.out.printf("%nSHA-256: C1 only %s MB/s, with C2 %s MB/s%n", sha.get("c1"), sha.get("c2"));
        System.out.printf("deployment zip: %,d bytes (goal <= 15 MB = 15,728,640)%n", (long) r.get("zip_bytes"));
        var memory = (Map<String, Map<String, Object>>) r.get("cold_by_memory_setting");
        System.out.println("\ncold start by memory setting (heap limit only; Lambda's CPU share cannot be simulated here):");
        memory.forEach((setting, m) -> System.out.printf("  %-7s total %s ms, peak RSS %s MB%n", setting, m.get("total_ms"),
                m.get("peak_rss_mb")));
        System.out.println("load average after: " + r.get("load_average_after"));
    }

    private static Object orDash(Object value) {
        return value instanceof Double d && d.isNaN() ? "-" : value;
    }

    private static String label(String name) {
        return switch (name) {
            case "ours" -> "ours (Java, runtime client)";
            case "hello" -> "hello world (Java, runtime client)";
            case "ours_appcds" -> "ours + AppCDS archive";
            default -> "Python peer (boto3)";
        };
    }
}
