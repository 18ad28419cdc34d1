package com.biometriclogger.evidence;

import com.biometriclogger.evidence.Finding.Problem;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Each item's id and digest (of its content as it stands now), by the hour it is filed under, and
 * what a seal holds against them: every sealed item still there with the sealed content, or erased;
 * every item of a sealed hour in its seal.
 */
final class ItemDigests {

    private final SortedMap<SealPeriod, Map<String, String>> byPeriod = new TreeMap<>();
    /** Items filed under something that is not an hour: no seal can hold them. */
    private final Map<String, String> unfiled = new HashMap<>();

    void add(String filedUnder, String id, String digest) {
        try {
            byPeriod.computeIfAbsent(SealPeriod.parse(filedUnder), p -> new HashMap<>()).put(id, digest);
        } catch (IllegalArgumentException notAnHour) {
            unfiled.put(id, digest);
        }
    }

    void compareWithSeal(SealedPeriod seal, ErasureAccounts erasures, Consumer<Finding> findings) {
        var period = seal.period();
        var present = byPeriod.getOrDefault(period, Map.of());
        boolean withContent = seal.commitsToContent();
        Map<String, String> sealed = new LinkedHashMap<>();
        seal.leaves().forEach(leaf -> sealed.put(leaf.attemptId(), leaf.digest()));
        erasures.sealed(sealed.keySet());
        sealed.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(leaf -> {
            String now = present.get(leaf.getKey());
            if (now == null) {
                erasures.accountForMissing(period, leaf.getKey(),
                        withContent ? Optional.of(leaf.getValue()) : Optional.empty(), findings);
            } else if (withContent && !now.equals(leaf.getValue())) {
                findings.accept(new Finding(Problem.CHANGED_AFTER_SEALING, leaf.getKey(), "sealed in hour " + period
                        + " UTC with digest " + leaf.getValue() + ", its content now hashes to " + now));
            }
        });
        present.keySet().stream().filter(id -> !sealed.containsKey(id)).sorted().forEach(id -> findings.accept(new Finding(
                Problem.NOT_IN_SEAL, id, "dated hour " + period + " UTC, but not in that hour's seal: added after sealing")));
    }

    /** The digest of an item filed under {@code period}, as its content stands now. */
    Optional<String> digestOf(SealPeriod period, String id) {
        return Optional.ofNullable(byPeriod.getOrDefault(period, Map.of()).get(id));
    }

    /** The ids filed under {@code period}. */
    Set<String> idsIn(SealPeriod period) {
        return byPeriod.getOrDefault(period, Map.of()).keySet();
    }

    /** Items in no sealed period, including those filed under something that is not an hour. */
    int unsealed(Set<SealPeriod> sealed) {
        int unsealed = unfiled.size();
        for (var entry : byPeriod.entrySet()) {
            if (!sealed.contains(entry.getKey())) {
                unsealed += entry.getValue().size();
            }
        }
        return unsealed;
    }

    /** Items filed under hours after {@code newest}. */
    int countAfter(SealPeriod newest) {
        return byPeriod.tailMap(newest.next()).values().stream().mapToInt(Map::size).sum();
    }

    Optional<SealPeriod> oldestPeriod() {
        return byPeriod.isEmpty() ? Optional.empty() : Optional.of(byPeriod.firstKey());
    }

    Set<String> presentIds() {
        var present = new HashSet<>(unfiled.keySet());
        byPeriod.values().forEach(items -> present.addAll(items.keySet()));
        return present;
    }

    /** The ids filed under each period, oldest first. */
    SortedMap<SealPeriod, Set<String>> idsByPeriod() {
        var ids = new TreeMap<SealPeriod, Set<String>>();
        byPeriod.forEach((period, items) -> ids.put(period, items.keySet()));
        return ids;
    }
}
