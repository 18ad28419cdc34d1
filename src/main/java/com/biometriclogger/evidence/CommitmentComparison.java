package com.biometriclogger.evidence;

import com.biometriclogger.decision.ErasureRecord;
import com.biometriclogger.evidence.Finding.Problem;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Each item against the commitment the function archived when it stored the item, from the first
 * minute, before any seal: an item whose content no longer hashes to its commitment was rewritten
 * (re-signed or not); a commitment with no item, and no erasure record accounting for it with the
 * same digest, is a deletion (or an erasure undone, when the missing item is the erasure record). An
 * item of an unsealed hour with no commitment was added around the function (or the function's
 * retries ran out between its two writes). One hour is held at a time.
 */
final class CommitmentComparison {

    private boolean read;
    private final Set<SealPeriod> hoursRead = new HashSet<>();
    /** By hour read: the ids filed under it that have no commitment. */
    private final Map<SealPeriod, Set<String>> uncommitted = new HashMap<>();

    /** Call when the commitments are read at all (an empty archive included). */
    void reading() {
        read = true;
    }

    void compareHour(String hour, List<ArchivedCommitment> archived, ItemDigests items, ErasureAccounts erasures,
                     Consumer<Finding> findings) {
        read = true;
        SealPeriod period;
        try {
            period = SealPeriod.parse(hour);
        } catch (IllegalArgumentException notAnHour) {
            archived.forEach(object -> findings.accept(new Finding(Problem.COMMITMENT_INVALID, object.relativeKey(),
                    "an object under the commitments prefix that is not in an hour's folder")));
            return;
        }
        Set<String> committed = new HashSet<>();
        archived.stream().sorted(Comparator.comparing(ArchivedCommitment::relativeKey)).forEach(object -> {
            if (object.versions() > 1) {
                findings.accept(new Finding(Problem.COMMITMENT_INVALID, object.relativeKey(), "holds " + object.versions()
                        + " versions: something wrote over it without If-None-Match (the first version is read)"));
            }
            Commitment commitment;
            try {
                commitment = Commitment.read(object.relativeKey(), object.content());
            } catch (IllegalArgumentException unreadable) {
                findings.accept(new Finding(Problem.COMMITMENT_INVALID, object.relativeKey(), String.valueOf(unreadable.getMessage())));
                return;
            }
            committed.add(commitment.attemptId());
            compare(commitment, items, erasures, findings);
        });
        var missing = new TreeSet<>(items.idsIn(period));
        missing.removeAll(committed);
        if (!missing.isEmpty()) {
            uncommitted.put(period, missing);
        }
        hoursRead.add(period);
    }

    /** Items of unsealed hours with no commitment; a sealed hour's seal covers its items already. */
    void checkUncommitted(ItemDigests items, Set<SealPeriod> sealed, Consumer<Finding> findings) {
        if (!read) {
            return;
        }
        items.idsByPeriod().forEach((period, ids) -> {
            if (sealed.contains(period)) {
                return;
            }
            new TreeSet<>(hoursRead.contains(period) ? uncommitted.getOrDefault(period, Set.of()) : ids)
                    .forEach(id -> findings.accept(new Finding(Problem.NOT_COMMITTED, id, "dated hour " + period
                            + " UTC, not sealed yet, and no commitment in the archive: not stored by the function")));
        });
    }

    private static void compare(Commitment commitment, ItemDigests items, ErasureAccounts erasures,
                                Consumer<Finding> findings) {
        String id = commitment.attemptId();
        var now = items.digestOf(commitment.period(), id);
        if (now.isPresent()) {
            if (!now.get().equals(commitment.sha256())) {
                findings.accept(new Finding(Problem.CHANGED_AFTER_COMMITMENT, id, "committed at " + commitment.datedAt()
                        + " with digest " + commitment.sha256() + ", its content now hashes to " + now.get()
                        + ": rewritten after it was stored (a valid signature only means the signing key's holder did it)"));
            }
            return;
        }
        if (erasures.erasedDigest(id).filter(commitment.sha256()::equals).isPresent()) {
            return;
        }
        findings.accept(new Finding(Problem.DELETED_AFTER_COMMITMENT, id, "committed at " + commitment.datedAt()
                + " (hour " + commitment.period() + " UTC), missing from the table and accounted for by no erasure record"
                + (id.startsWith(ErasureRecord.ID_PREFIX)
                        ? ": an erasure record gone, so the erasure was undone (a point-in-time restore?)" : "")));
    }
}
