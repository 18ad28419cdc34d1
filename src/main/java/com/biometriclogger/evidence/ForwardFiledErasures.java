package com.biometriclogger.evidence;

import com.biometriclogger.decision.ErasureRecord;
import com.biometriclogger.evidence.Finding.Problem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Erasure records filed under the hour after the hour of their date. {@link Erasure} files a record
 * so when an early seal (the local stack's {@code seal}) had closed the erasure's hour already, since
 * a record added to a sealed hour is what an insider's addition looks like. That is right only when
 * the hour's seal was made at or before the record's date: any other record filed an hour late was
 * moved, and is {@code ITEM_MISDATED}. A decision never moves.
 */
final class ForwardFiledErasures {

    private record Filed(String id, Instant datedAt, SealPeriod filedUnder) {
    }

    private final List<Filed> records = new ArrayList<>();

    /** @return whether the record is filed under the hour after its date's, to be judged by {@link #check} */
    boolean add(String id, Map<String, String> attributes, String filedUnder) {
        try {
            var datedAt = Instant.parse(ErasureRecord.datedAt(attributes));
            var next = SealPeriod.containing(datedAt).next();
            if (!ErasureRecord.isErasure(attributes) || !next.toString().equals(filedUnder)) {
                return false;
            }
            records.add(new Filed(id, datedAt, next));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * Names each record whose own hour was not sealed before it was written.
     *
     * @return the ids filed rightly under the hour after {@code current}, which is the hour being written
     *         once the current one is sealed early, so not an item from the future
     */
    Set<String> check(SortedMap<SealPeriod, SealedPeriod> sealed, SealPeriod current, Consumer<Finding> findings) {
        Set<String> beingWritten = new HashSet<>();
        for (var record : records) {
            var own = SealPeriod.containing(record.datedAt());
            var seal = sealed.get(own);
            if (seal == null || seal.head().sealedAt().isAfter(record.datedAt())) {
                findings.accept(new Finding(Problem.ITEM_MISDATED, record.id(), "dated " + record.datedAt()
                        + " but filed under hour '" + record.filedUnder() + "', though its own hour "
                        + (seal == null ? "has no seal" : "was sealed after it") + ": only an erasure record "
                        + "written after its hour's seal goes into the next hour"));
            } else if (own.equals(current)) {
                beingWritten.add(record.id());
            }
        }
        return beingWritten;
    }

    /** {@code idsByPeriod} without {@code ids}, copied. */
    static SortedMap<SealPeriod, Set<String>> without(SortedMap<SealPeriod, Set<String>> idsByPeriod, Set<String> ids) {
        var left = new TreeMap<SealPeriod, Set<String>>();
        idsByPeriod.forEach((period, filed) -> {
            var kept = new HashSet<>(filed);
            kept.removeAll(ids);
            if (!kept.isEmpty()) {
                left.put(period, kept);
            }
        });
        return left;
    }
}
