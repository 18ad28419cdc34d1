package com.biometriclogger.evidence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes deletions detectable: once an hour is over, a signed seal commits to the exact set of
 * decisions of that hour. A decision deleted later is named by the seal it is missing from; one
 * inserted later is absent from it.
 *
 * <p>Why per-hour seals written after the fact, rather than a hash chain threaded through the
 * writes: Lambda runs many containers at once, and a chain needs one writer (or one chain per
 * container whose tail can still be cut silently). Here the writers never coordinate; the sealer
 * reads the hour's keys from an index and writes its seal with a conditional put, so concurrent or
 * repeated sealer runs produce one seal. Until its hour is sealed (at most about an hour and the
 * grace period) a decision's deletion is not yet detectable; the verify report says how many items
 * are in that window.
 *
 * <p>Seals are written only after {@link #GRACE} has passed since the hour ended, so that writes in
 * flight (the function times out after 30 s) and the index's propagation are done.
 */
public final class Sealer {

    public static final Duration GRACE = Duration.ofMinutes(5);
    /** How far back a run looks for unsealed hours: two days of missed runs are caught up. */
    public static final int LOOKBACK_PERIODS = 48;
    /** Keeps a seal part under DynamoDB's 400 KB item limit (64-character ids). */
    static final int IDS_PER_PART = 5_000;

    /** The attempt ids of one hour's decisions, from the audit table's index. */
    public interface PeriodIndex {
        List<String> attemptIds(String period);
    }

    /** Where seals live: a table only the sealer may write, write-once. */
    public interface SealStore {
        boolean isSealed(String period);

        /** @return false when that part already exists (another sealer run wrote it) */
        boolean putOnce(Map<String, String> sealPart);
    }

    public record Report(List<String> sealedPeriods, int itemsSealed) {
    }

    private final PeriodIndex index;
    private final SealStore seals;
    private final EvidenceSigning signing;
    private final Clock clock;

    public Sealer(PeriodIndex index, SealStore seals, EvidenceSigning signing, Clock clock) {
        this.index = index;
        this.seals = seals;
        this.signing = signing;
        this.clock = clock;
    }

    /** Seals every hour of the look-back window that ended at least {@link #GRACE} ago and is not sealed yet. */
    public Report sealDue() {
        return sealThrough(clock.instant().minus(GRACE));
    }

    /** Seals the unsealed hours that end at or before {@code cutoff}, oldest first. */
    public Report sealThrough(Instant cutoff) {
        String last = SealPeriod.of(cutoff.truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS));
        String period = SealPeriod.of(SealPeriod.start(last).minus(LOOKBACK_PERIODS - 1L, ChronoUnit.HOURS));
        List<String> sealed = new ArrayList<>();
        int items = 0;
        while (period.compareTo(last) <= 0) {
            if (!seals.isSealed(period)) {
                items += seal(period);
                sealed.add(period);
            }
            period = SealPeriod.next(period);
        }
        return new Report(sealed, items);
    }

    private int seal(String period) {
        var ids = index.attemptIds(period).stream().sorted().toList();
        int parts = Math.max(1, (ids.size() + IDS_PER_PART - 1) / IDS_PER_PART);
        String sealedAt = clock.instant().toString();
        // Part 0 is written last: its presence is what marks the hour sealed, so a run that dies
        // between parts leaves the hour unsealed and the next run completes it.
        for (int part = parts - 1; part >= 0; part--) {
            var slice = ids.subList(part * IDS_PER_PART, Math.min(ids.size(), (part + 1) * IDS_PER_PART));
            Map<String, String> seal = new LinkedHashMap<>();
            seal.put(SealRecord.SEAL_ID, SealRecord.sealId(period, part));
            seal.put(SealRecord.PERIOD, period);
            seal.put(SealRecord.PART, Integer.toString(part));
            seal.put(SealRecord.PART_COUNT, Integer.toString(parts));
            seal.put(SealRecord.ITEM_COUNT, Integer.toString(ids.size()));
            seal.put(SealRecord.ATTEMPT_IDS, String.join(",", slice));
            seal.put(SealRecord.SEALED_AT, sealedAt);
            seal.put(SealRecord.SCHEMA_VERSION, "1");
            seals.putOnce(signing.sign(seal));
        }
        return ids.size();
    }
}
