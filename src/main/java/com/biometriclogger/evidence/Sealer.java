package com.biometriclogger.evidence;

import com.biometriclogger.decision.AuditAttribute;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes every sealed decision permanent: once an hour is over, a signed seal commits to the content
 * of each of its decisions (a Merkle root over {@code attemptId:digest} leaves), names the previous
 * hour's seal, and is written first to a write-once archive (S3 Object Lock in COMPLIANCE mode,
 * which nobody, root included, can delete or shorten), then to the seal table.
 *
 * <p>Why per-hour seals written after the fact, rather than a hash chain threaded through the
 * writes: Lambda runs many containers at once, and a chain needs one writer. Here the writers never
 * coordinate; the sealer alone extends the chain, one hour after another.
 *
 * <p>The archive, not the table, tells the sealer where the chain ends: an hour is sealed only
 * after the newest archived one, so deleting an hour's seal (and its decisions) from the table
 * never gets the hour sealed again without them. A hole behind the newest seal is reported, never
 * filled; a table copy missing for an archived hour is restored from the archive and reported.
 *
 * <p>Seals are written only after {@link #GRACE} has passed since the hour ended, so that writes in
 * flight (the function times out after 30 s) and the index's propagation are done.
 */
public final class Sealer {

    private static final Logger LOG = LoggerFactory.getLogger(Sealer.class);

    public static final Duration GRACE = Duration.ofMinutes(5);
    /** How many hours one run seals at most, and how far back it looks for holes and missing copies. */
    public static final int LOOKBACK_PERIODS = 48;
    /** A seal written later than this after its hour ended was not written by a healthy sealer. */
    public static final Duration LATE_BOUND = Duration.ofHours(LOOKBACK_PERIODS + 1L);
    /**
     * How long after an hour's end its seal may be missing before verify says sealing has stopped: the
     * hourly run, its grace and one failed run retried by the next.
     */
    public static final Duration OVERDUE = Duration.ofHours(2);
    /** Keeps a seal part under DynamoDB's 400 KB item limit (130-character leaves). */
    static final int LEAVES_PER_PART = 2_500;

    /** One hour's decisions, from the audit table. */
    public interface PeriodIndex {
        /** @return each item's String attributes as stored */
        List<Map<String, String>> items(String period);
    }

    /** Where seals live for readers: a table only the sealer may write, write-once. */
    public interface SealStore {
        boolean isSealed(String period);

        /** @return false when that part already exists (another sealer run wrote it) */
        boolean putOnce(Map<String, String> sealPart);
    }

    /** The write-once archive that is authoritative for seals. */
    public interface SealArchive {
        /** The archived hours at or after {@code from}, oldest first. */
        List<String> periodsFrom(String from);

        /** The newest archived hour of all, for a sealer that was down longer than its look-back. */
        Optional<String> newest();

        /** The hour's parts as first archived, part 0 first. */
        List<Map<String, String>> read(String period);

        /** Where it is, as verify's {@code --seal-archive} names it; empty for a store with no such name. */
        Optional<String> location();

        /** @return false when the hour is archived already (another run was first) */
        boolean putOnce(String period, List<Map<String, String>> parts);
    }

    /**
     * @param holes    hours behind the newest seal that have none: a deleted or never-written seal
     * @param restored hours whose table copy was missing and was written back from the archive
     * @param refused  hours whose archived seal is malformed or not version 2 (written by another than
     *                 the sealer, before it): not chained from, so the chain goes on from the seal before
     */
    public record Report(List<String> sealedPeriods, int itemsSealed, List<String> holes, List<String> restored,
                         List<String> refused) {
    }

    private final PeriodIndex index;
    private final SealStore seals;
    private final SealArchive archive;
    private final EvidenceSigning signing;
    private final Clock clock;

    public Sealer(PeriodIndex index, SealStore seals, SealArchive archive, EvidenceSigning signing, Clock clock) {
        this.index = index;
        this.seals = seals;
        this.archive = archive;
        this.signing = signing;
        this.clock = clock;
    }

    /** Seals the hours after the newest seal that ended at least {@link #GRACE} ago. */
    public Report sealDue() {
        return sealThrough(clock.instant().minus(GRACE));
    }

    /** Seals the hours after the newest seal that end at or before {@code cutoff}, oldest first. */
    public Report sealThrough(Instant cutoff) {
        String last = SealPeriod.containing(cutoff).previous().toString();
        String windowStart = SealPeriod.containing(cutoff).minusHours(LOOKBACK_PERIODS).toString();
        var archived = archive.periodsFrom(windowStart);
        // Each archived hour is read at most once a run, however many of the steps below look at it.
        Map<String, List<Map<String, String>>> reads = new HashMap<>();
        Function<String, List<Map<String, String>>> parts = p -> reads.computeIfAbsent(p, hour -> ChainEnd.read(archive, hour));
        var restored = restoreMissingTableCopies(archived, parts);
        var holes = holesBehindNewest(archived);
        // A seal archived in advance for an hour not yet due is no chain end: it is met (and refused) in its turn.
        var due = archived.stream().filter(p -> p.compareTo(last) <= 0).toList();
        Optional<String> newest = archived.isEmpty() ? archive.newest().filter(p -> p.compareTo(last) <= 0)
                : due.isEmpty() ? Optional.empty() : Optional.of(due.get(due.size() - 1));

        var chainEnd = newest.flatMap(n -> ChainEnd.newestSound(due.isEmpty() ? List.of(n) : due, parts));
        var previous = chainEnd;
        // From the hour after the chain's end, meeting (and refusing) each unsound head after it in turn.
        String period = chainEnd.map(end -> next(end.period()))
                .or(() -> due.isEmpty() ? newest.map(Sealer::next) : Optional.of(due.get(0)))
                .orElseGet(() -> genesisPeriod(windowStart, last));
        List<String> sealed = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int items = 0;
        while (period.compareTo(last) <= 0 && sealed.size() + refused.size() < LOOKBACK_PERIODS) {
            var head = seal(period, previous, parts);
            if (head.isPresent()) {
                items += head.get().record().itemCount();
                previous = head;
                sealed.add(period);
            } else {
                refused.add(period);
            }
            period = next(period);
        }
        return new Report(sealed, items, holes, restored, refused);
    }

    /**
     * The first archived seal of a ledger covers the earliest hour of the look-back that has
     * decisions; in a table sealed by the version-1 sealer (ids only, no archive), the hour after its
     * newest seal, so the two never claim the same hour.
     */
    private String genesisPeriod(String windowStart, String last) {
        for (String p = last; p.compareTo(windowStart) >= 0; p = SealPeriod.parse(p).previous().toString()) {
            if (seals.isSealed(p)) {
                return next(p);
            }
        }
        for (String p = windowStart; p.compareTo(last) < 0; p = next(p)) {
            if (!index.items(p).isEmpty()) {
                return p;
            }
        }
        return last;
    }

    private List<String> restoreMissingTableCopies(List<String> archived,
                                                   Function<String, List<Map<String, String>>> archivedParts) {
        List<String> restored = new ArrayList<>();
        for (String period : archived) {
            var parts = archivedParts.apply(period);
            if (!seals.isSealed(period) && ChainEnd.sound(period, parts, Optional.empty()).isPresent()) {
                for (int part = parts.size() - 1; part >= 0; part--) {
                    seals.putOnce(parts.get(part));
                }
                LOG.atWarn().addKeyValue("period", period).addKeyValue("alert", "SEAL_RESTORED")
                        .log("the seal of {} is archived but was missing from the seal table (deleted, or a run "
                                + "interrupted between the archive and the table): restored from the archive", period);
                restored.add(period);
            }
        }
        return restored;
    }

    private static List<String> holesBehindNewest(List<String> archived) {
        List<String> holes = new ArrayList<>();
        Set<String> present = new TreeSet<>(archived);
        for (int i = 1; i < archived.size(); i++) {
            for (String p = next(archived.get(i - 1)); p.compareTo(archived.get(i)) < 0; p = next(p)) {
                if (!present.contains(p)) {
                    holes.add(p);
                }
            }
        }
        if (!holes.isEmpty()) {
            LOG.atError().addKeyValue("holes", holes).addKeyValue("alert", "SEAL_HOLE")
                    .log("hours {} have no archived seal although later hours do: not sealing them now, "
                            + "since their decisions may have been deleted; run verify", holes);
        }
        return holes;
    }

    /**
     * Writes one hour's seal, archive first; returns its head as it stands (another run's, if it was
     * first), or empty when the archive already holds one the sealer refuses, which the table never gets.
     */
    private Optional<ChainEnd> seal(String period, Optional<ChainEnd> previous,
                                    Function<String, List<Map<String, String>>> archived) {
        var leaves = sealableLeaves(period);
        String root = HexFormat.of().formatHex(MerkleTree.root(leaves.stream().map(SealRecord.Leaf::bytes).toList()));
        int partCount = Math.max(1, (leaves.size() + LEAVES_PER_PART - 1) / LEAVES_PER_PART);
        String sealedAt = clock.instant().toString();
        List<Map<String, String>> parts = new ArrayList<>(partCount);
        for (int part = 0; part < partCount; part++) {
            var slice = leaves.subList(part * LEAVES_PER_PART, Math.min(leaves.size(), (part + 1) * LEAVES_PER_PART));
            Map<String, String> seal = new LinkedHashMap<>();
            seal.put(SealRecord.SEAL_ID, SealRecord.sealId(period, part));
            seal.put(SealRecord.PERIOD, period);
            seal.put(SealRecord.PART, Integer.toString(part));
            seal.put(SealRecord.PART_COUNT, Integer.toString(partCount));
            seal.put(SealRecord.ITEM_COUNT, Integer.toString(leaves.size()));
            seal.put(SealRecord.LEAVES, String.join(",", slice.stream().map(SealRecord.Leaf::toString).toList()));
            if (part == 0) {
                seal.put(SealRecord.MERKLE_ROOT, root);
                seal.put(SealRecord.PREVIOUS_SEAL, previous.map(end -> CanonicalForm.linkDigest(end.head())).orElse(""));
                seal.put(SealRecord.CHAIN_HEIGHT, previous.map(end -> Long.toString(end.record().chainHeight() + 1))
                        .orElse("0"));
            }
            archive.location().ifPresent(location -> seal.put(SealRecord.ARCHIVE, location));
            seal.put(SealRecord.SEALED_AT, sealedAt);
            seal.put(SealRecord.SCHEMA_VERSION, Integer.toString(SealRecord.VERSION));
            parts.add(signing.sign(seal));
        }
        if (!archive.putOnce(period, parts)) {
            parts = archived.apply(period);
        }
        var head = ChainEnd.sound(period, parts, previous);
        if (head.isEmpty()) {
            return head;
        }
        // Part 0 is written last: its presence is what marks the hour sealed in the table, so a run
        // that dies between parts leaves it unsealed there, and the next run restores it from the archive.
        for (int part = parts.size() - 1; part >= 0; part--) {
            seals.putOnce(parts.get(part));
        }
        return head;
    }

    /**
     * The hour's items as leaves, sorted by id, leaving out (with an alert) any whose id a leaf cannot
     * hold: sealing one would make the whole hour's seal unreadable, left out it is named NOT_IN_SEAL.
     */
    private List<SealRecord.Leaf> sealableLeaves(String period) {
        List<SealRecord.Leaf> leaves = new ArrayList<>();
        for (var item : index.items(period)) {
            String id = item.getOrDefault(AuditAttribute.ATTEMPT_ID.stored(), "");
            if (AttemptIds.isValid(id)) {
                leaves.add(new SealRecord.Leaf(id, CanonicalForm.digest(item)));
            } else {
                LOG.atError().addKeyValue("period", period).addKeyValue("alert", "SEAL_ITEM_REFUSED")
                        .log("an item of {} has an attempt id no seal leaf can hold: left out of the seal; run verify", period);
            }
        }
        leaves.sort(Comparator.comparing(SealRecord.Leaf::attemptId));
        return leaves;
    }

    /** The stores name hours as written, {@code 2026-05-03T08}. */
    private static String next(String period) {
        return SealPeriod.parse(period).next().toString();
    }
}
