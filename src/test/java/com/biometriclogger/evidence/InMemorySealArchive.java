package com.biometriclogger.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The archive's write-once contract in memory, for the sealer's unit tests. */
final class InMemorySealArchive implements Sealer.SealArchive {

    /** Not an S3 bucket: its seals name no archive, like the version-1 sealer's. */
    @Override
    public Optional<String> location() {
        return Optional.empty();
    }

    final TreeMap<String, List<Map<String, String>>> hours = new TreeMap<>();
    /** How many times each hour was read, so a test can count a run's reads. */
    final Map<String, Integer> reads = new TreeMap<>();

    @Override
    public List<String> periodsFrom(String from) {
        return new ArrayList<>(hours.tailMap(from, true).keySet());
    }

    @Override
    public Optional<String> newest() {
        return hours.isEmpty() ? Optional.empty() : Optional.of(hours.lastKey());
    }

    @Override
    public List<Map<String, String>> read(String period) {
        reads.merge(period, 1, Integer::sum);
        return hours.get(period);
    }

    @Override
    public boolean putOnce(String period, List<Map<String, String>> parts) {
        return hours.putIfAbsent(period, List.copyOf(parts)) == null;
    }
}
