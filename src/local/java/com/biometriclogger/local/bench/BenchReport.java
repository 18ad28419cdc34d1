package com.biometriclogger.local.bench;

import java.util.Map;

/** Prints the benchmark's figures, each beside its target (issue 17), from the results map. */
final class BenchReport {

    private static final long ZIP_GOAL_BYTES = 15L * 1024 * 1024;

    private final Map<String, Object> r;
    private final boolean python;

    BenchReport(Map<String, Object> results, boolean python) {
        this.r = results;
        this.python = python;
    }

    void print() {
        var cold = section(r.entrySet().stream().filter(e -> e.getKey().startsWith("cold_median")).findFirst().orElseThrow().getKey());
        var classes = section("classes_loaded");
        System.out.println("machine: " + r.get("machine") + "; load average before: " + r.get("load_average_before"));
        System.out.println();
        System.out.printf("%-36s %9s %15s %10s %12s %9s%n", "cold start (median, alternating)", "init ms", "first event ms",
                "total ms", "peak RSS MB", "classes");
        for (var entry : cold.entrySet()) {
            var c = map(entry.getValue());
            System.out.printf("%-36s %9s %15s %10.1f %12.1f %9s%n", label(entry.getKey()), orDash(c.get("init_ms")),
                    orDash(c.get("first_event_ms")), num(c.get("total_ms")), num(c.get("peak_rss_mb")),
                    classes.getOrDefault(entry.getKey(), "-"));
        }
        System.out.println();
        if (python) {
            var py = map(cold.get("python"));
            for (var entry : cold.entrySet()) {
                if (entry.getKey().startsWith("ours")) {
                    var c = map(entry.getValue());
                    boolean aot = entry.getKey().endsWith("aot");
                    target(label(entry.getKey()) + " / Python peer, cold total", num(c.get("total_ms")) / num(py.get("total_ms")),
                            aot ? 1.0 : 2.5);
                    if (!aot) {
                        target(label(entry.getKey()) + " / Python peer, peak RSS", num(c.get("peak_rss_mb")) / num(py.get("peak_rss_mb")), 2.5);
                    }
                }
            }
        } else {
            System.out.println("Python peer: not run (needs /work/shared/bench/python_peer.py or ../shared/bench/, boto3 and /usr/bin/time)");
        }

        var warm = section("warm");
        var calls = section("service_calls_p50_ms");
        double sum = num(calls.get("sum"));
        System.out.println();
        System.out.println("first event in one JVM (init, then one event; primed = SnapStart's beforeCheckpoint run at the end of init):");
        var first = section("first_event_in_one_jvm");
        for (var entry : first.entrySet()) {
            var f = map(entry.getValue());
            String jdk = entry.getKey().substring(entry.getKey().indexOf("jdk"));
            double warmP50 = num(map(warm.get("c1_lambda_flags_" + jdk)).get("p50_ms"));
            System.out.printf("  %-16s init %7.1f ms, first event %6.1f ms = %4.1f x warm p50 (%.1f ms), %4.0f classes loaded during it%n",
                    entry.getKey(), num(f.get("init_ms")), num(f.get("first_event_ms")), num(f.get("first_event_ms")) / warmP50,
                    warmP50, num(f.get("classes_loaded_during_first_event")));
            if (entry.getKey().startsWith("primed")) {
                target("  primed first event / warm p50, " + jdk, num(f.get("first_event_ms")) / warmP50, 2.0);
                target("  classes loaded during the primed first event, " + jdk, num(f.get("classes_loaded_during_first_event")), 50);
            }
        }

        System.out.println();
        warm.forEach((name, value) -> {
            var w = map(value);
            System.out.printf("warm, %s events in one JVM, %-22s p50 %5.1f ms, p99 %5.1f ms%n", w.get("events"), name,
                    num(w.get("p50_ms")), num(w.get("p99_ms")));
        });
        System.out.printf("the services' own latency, p50: GetObject %.1f + GetItem %.1f + DetectFaces %.1f + KMS Sign %.1f"
                        + " + PutItem %.1f = %.1f ms%n", num(calls.get("get_object")), num(calls.get("get_item")),
                num(calls.get("detect_faces")), num(calls.get("kms_sign")), num(calls.get("put_item")), sum);
        warm.forEach((name, value) -> target("warm p50 / services' sum, " + name, num(map(value).get("p50_ms")) / sum, 1.5));

        var sha = section("sha256_mb_per_s");
        System.out.printf("%nSHA-256: C1 only %.1f MB/s, with C2 %.1f MB/s%n", num(sha.get("c1")), num(sha.get("c2")));
        var zip = section("zip");
        System.out.printf("deployment zip: %,d bytes, %s jars in lib/%n", ((Number) zip.get("bytes")).longValue(), zip.get("jars"));
        target("deployment zip, MiB", ((Number) zip.get("bytes")).longValue() / (double) (1024 * 1024), ZIP_GOAL_BYTES / (1024.0 * 1024));
        var memory = section(r.keySet().stream().filter(k -> k.startsWith("cold_by_memory")).findFirst().orElseThrow());
        System.out.println("\ncold start by memory setting (the JVM sized for that memory; Lambda's CPU share cannot be simulated here):");
        memory.forEach((setting, m) -> System.out.printf("  %-7s total %.1f ms, peak RSS %.1f MB%n", setting,
                num(map(m).get("total_ms")), num(map(m).get("peak_rss_mb"))));
        System.out.println("load average after: " + r.get("load_average_after"));
    }

    private static void target(String what, double value, double goal) {
        System.out.printf("%-62s %8.2f  (target <= %s)  %s%n", what, value, goal % 1 == 0 ? String.valueOf((long) goal) : goal,
                value <= goal ? "met" : "MISSED by " + String.format("%.0f %%", (value / goal - 1) * 100));
    }

    private Map<String, Object> section(String key) {
        return map(r.get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static double num(Object value) {
        return ((Number) value).doubleValue();
    }

    private static String orDash(Object value) {
        return value instanceof Double d && d.isNaN() ? "-" : String.format("%.1f", num(value));
    }

    private static String label(String name) {
        return switch (name) {
            case "ours_jdk17" -> "ours, JDK 17";
            case "ours_jdk25" -> "ours, JDK 25";
            case "ours_jdk25_aot" -> "ours, JDK 25 + AOT cache";
            case "python" -> "Python peer (boto3)";
            default -> name.startsWith("hello") ? "hello world, JDK " + name.substring(name.indexOf("jdk") + 3) : name;
        };
    }
}
