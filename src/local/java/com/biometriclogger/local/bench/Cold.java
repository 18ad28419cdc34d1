package com.biometriclogger.local.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One cold start: the runtime's init, the first event, the whole, and the peak resident memory. */
record Cold(double initMs, double firstEventMs, double totalMs, double rssMb) {

    static Map<String, Object> medians(List<Cold> runs) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("init_ms", BenchStats.median(runs.stream().mapToDouble(Cold::initMs).toArray()));
        result.put("first_event_ms", BenchStats.median(runs.stream().mapToDouble(Cold::firstEventMs).toArray()));
        result.put("total_ms", BenchStats.median(runs.stream().mapToDouble(Cold::totalMs).toArray()));
        result.put("peak_rss_mb", BenchStats.median(runs.stream().mapToDouble(Cold::rssMb).toArray()));
        result.put("runs_total_ms", runs.stream().map(c -> Math.round(c.totalMs())).toList());
        return result;
    }
}
