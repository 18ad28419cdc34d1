package com.biometriclogger.evidence;

import com.biometriclogger.evidence.Finding.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The readable seals as one chain: every head from the genesis seal (the first version-2 seal,
 * height 0) to the newest, each naming its predecessor's digest, none forking, none of version 1;
 * no hour missing between two seals; and no item filed under an hour the chain can no longer cover.
 */
final class SealChain {

    /**
     * Where version 1 ends by other evidence than the seals themselves: the hour {@code verify
     * --v1-cutover} names, or the oldest seal when every seal comes from the write-once archive (which
     * the version-1 sealer never wrote, so a version-1 seal there was written by someone else).
     *
     * @param why what recorded it, for the finding
     */
    record Cutover(SealPeriod hour, String why) {

        static Cutover stated(SealPeriod hour) {
            return new Cutover(hour, "the cutover given to verify (" + hour + ")");
        }

        /** Every seal read is the archive's: the version-1 sealer never wrote one there. */
        static Cutover archived(SealPeriod oldest) {
            return new Cutover(oldest, "the oldest archived seal (" + oldest + "; the version-1 sealer never wrote "
                    + "the archive)");
        }
    }

    private final SortedMap<SealPeriod, SealedPeriod> sealed;
    private final Optional<Cutover> recorded;

    SealChain(SortedMap<SealPeriod, SealedPeriod> sealed, Optional<Cutover> recorded) {
        this.sealed = sealed;
        this.recorded = recorded;
    }

    /**
     * Names every version-1 seal at or after the cutover, then walks every head from the genesis
     * (the first version-2 seal) to the newest, whatever its version: each must link to the one
     * before it, so a version-1 seal slipped in after the genesis also breaks the link of the next.
     *
     * @return the genesis period
     */
    Optional<SealPeriod> checkLinks(Consumer<Finding> findings) {
        var firstContentSeal = sealed.values().stream().filter(SealedPeriod::commitsToContent).findFirst();
        var fromSeals = firstContentSeal.map(seal -> new Cutover(seal.period(), "the first version-2 seal ("
                + seal.period() + ")"));
        Stream.of(fromSeals, recorded).flatMap(Optional::stream).min(Comparator.comparing(Cutover::hour))
                .ifPresent(cutover -> checkNoDowngrade(cutover, findings));
        if (firstContentSeal.isEmpty()) {
            return Optional.empty();
        }
        var first = firstContentSeal.get();
        var genesis = first.head();
        if (genesis.chainHeight() != 0 || genesis.previous().isPresent()) {
            findings.accept(new Finding(Problem.CHAIN_TRUNCATED, "seal " + first.period(), "the oldest seal left has height "
                    + genesis.chainHeight() + ", not 0: the seals before it (and what they sealed) were removed"));
        }
        Map<String, SealPeriod> claimedBy = new HashMap<>();
        Optional<SealedPeriod> before = Optional.empty();
        for (var seal : sealed.tailMap(first.period()).values()) {
            seal.head().previous().ifPresent(link -> {
                var other = claimedBy.putIfAbsent(link, seal.period());
                if (other != null) {
                    findings.accept(new Finding(Problem.SEAL_FORK, "seal " + seal.period(),
                            "names the same predecessor as the seal of " + other + ": the chain forks"));
                }
            });
            if (seal.commitsToContent()) {
                before.ifPresent(previous -> checkFollows(previous, seal, findings));
            }
            before = Optional.of(seal);
        }
        return Optional.of(first.period());
    }

    /**
     * The sealer writes version 2 only since the cutover, so a version-1 seal of a later hour (which
     * commits to no content) was written by someone else, to let that hour's decisions be rewritten
     * unnamed, or to make a decision backdated before the genesis look sealed.
     */
    private void checkNoDowngrade(Cutover cutover, Consumer<Finding> findings) {
        sealed.tailMap(cutover.hour()).values().stream().filter(seal -> !seal.commitsToContent()).forEach(seal ->
                findings.accept(new Finding(Problem.SEAL_DOWNGRADED, "seal " + seal.period(), "a version-1 seal (ids "
                        + "only) for an hour at or after " + cutover.why() + ": the sealer writes version 2 only "
                        + "since then, so this seal commits to none of its hour's content")));
    }

    private static void checkFollows(SealedPeriod before, SealedPeriod seal, Consumer<Finding> findings) {
        long height = seal.head().chainHeight();
        long heightBefore = before.head().chainHeight();
        if (!seal.head().previousSeal().equals(CanonicalForm.linkDigest(before.storedHead())) || height != heightBefore + 1) {
            findings.accept(new Finding(Problem.SEAL_CHAIN_BROKEN, "seal " + seal.period(), "does not follow the "
                    + "seal of " + before.period() + " (height " + (before.commitsToContent() ? heightBefore : "none, "
                    + "version 1") + " -> " + height + "): a seal between them was removed or rewritten"));
        }
    }

    /** One finding per run of hours without a seal between two sealed hours, however long the run. */
    void checkContinuity(Consumer<Finding> findings) {
        List<SealPeriod> periods = new ArrayList<>(sealed.keySet());
        for (int i = 1; i < periods.size(); i++) {
            var earlier = periods.get(i - 1);
            var later = periods.get(i);
            long missing = earlier.hoursUntil(later) - 1;
            if (missing > 0) {
                String from = earlier.next().toString();
                String to = later.previous().toString();
                findings.accept(new Finding(Problem.SEAL_MISSING, missing == 1 ? from : from + " to " + to,
                        missing + " hour(s) without a seal between " + earlier + " and " + later + ": a seal was deleted"));
            }
        }
    }

    /** Items filed under hours no seal can cover: before the chain began, or in the future. */
    void checkItemPeriods(SortedMap<SealPeriod, Set<String>> idsByPeriod, Optional<SealPeriod> genesis,
                          SealPeriod current, Consumer<Finding> findings) {
        idsByPeriod.forEach((period, unsorted) -> {
            if (sealed.containsKey(period)) {
                return;
            }
            var ids = unsorted.stream().sorted().toList();
            if (period.isAfter(current)) {
                ids.forEach(id -> findings.accept(new Finding(Problem.IN_FUTURE, id,
                        "dated hour " + period + " UTC, after " + current + ": no honest function decides in the future")));
            } else if (genesis.isPresent() && period.isBefore(genesis.get())) {
                ids.forEach(id -> findings.accept(new Finding(Problem.BEFORE_GENESIS, id,
                        "dated hour " + period + " UTC, before the first seal (" + genesis.get() + ") and in no seal: "
                                + "inserted under an hour nothing can seal any more")));
            } else if (genesis.isPresent() && sealed.lastKey().isAfter(period)) {
                findings.accept(new Finding(Problem.SEAL_MISSING, period.toString(), "items "
                        + String.join(", ", ids) + " are dated in an unsealed hour behind the newest seal"));
            }
        });
    }
}
