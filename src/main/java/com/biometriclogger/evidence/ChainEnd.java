package com.biometriclogger.evidence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archived head the sealer chains from. The archive is write-once, so one malformed, version-1
 * or unlinked head (written by the seal role, or in advance for an hour not yet due) can never be
 * replaced; were the sealer to throw on it, or chain from it, sealing would stop for good. Instead
 * such a head is refused with a {@code SEAL_HEAD_REFUSED} alert and the chain goes on from the
 * newest sound head before it, which verify sees as the refused hour failing to read or link.
 *
 * <p>Sound means parsed by {@link SealRecord#from} (strict numbers, a head, version 2, filed under
 * its hour) and linked to the sound head before it (its digest, height plus one): a head claiming a
 * height near the bound, or naming another predecessor, would otherwise be chained from. The
 * signature is not checked here: only the seal role may write the archive, and it holds the seal
 * key, so a signature would refuse nothing it could write; verify checks it.
 *
 * @param head the head as archived, which the next seal's link is a digest of
 */
record ChainEnd(String period, Map<String, String> head, SealRecord record) {

    private static final Logger LOG = LoggerFactory.getLogger(ChainEnd.class);

    /**
     * The newest sound head of {@code periods} (archived, oldest first), each checked against the
     * sound head before it. The oldest is taken on its own, as the look-back ends there; so is one
     * after a hole (an hour not archived, already alarmed as {@code SEAL_HOLE}), whose link cannot be
     * checked against what is gone.
     */
    static Optional<ChainEnd> newestSound(List<String> periods, Function<String, List<Map<String, String>>> archived) {
        Optional<ChainEnd> end = Optional.empty();
        for (int i = 0; i < periods.size(); i++) {
            String period = periods.get(i);
            boolean afterHole = i > 0 && !periods.get(i - 1).equals(SealPeriod.parse(period).previous().toString());
            var sound = sound(period, archived.apply(period), afterHole ? Optional.empty() : end);
            if (sound.isPresent()) {
                end = sound;
            }
        }
        return end;
    }

    /** The hour's parts as archived; none when the archived object is not even flat JSON lines. */
    static List<Map<String, String>> read(Sealer.SealArchive archive, String period) {
        try {
            return archive.read(period);
        } catch (IllegalArgumentException unreadable) {
            return List.of();
        }
    }

    /**
     * The hour's head when it is one the sealer can chain from after {@code before}; else empty,
     * with an alert.
     */
    static Optional<ChainEnd> sound(String period, List<Map<String, String>> parts, Optional<ChainEnd> before) {
        String why;
        if (parts.isEmpty()) {
            why = "no parts";
        } else {
            try {
                var record = SealRecord.from(parts.get(0));
                if (!record.isHead() || !record.commitsToContent() || !record.period().toString().equals(period)) {
                    why = "part " + record.part() + ", version " + record.version() + ", sealing " + record.period();
                } else if (before.isPresent() && !before.get().isFollowedBy(record)) {
                    why = "it does not follow the seal of " + before.get().period() + " (height "
                            + before.get().record().chainHeight() + " -> " + record.chainHeight() + ")";
                } else {
                    return Optional.of(new ChainEnd(period, parts.get(0), record));
                }
            } catch (IllegalArgumentException e) {
                why = String.valueOf(e.getMessage());
            }
        }
        LOG.atError().addKeyValue("period", period).addKeyValue("alert", "SEAL_HEAD_REFUSED")
                .log("the archived seal of {} is not one the sealer writes ({}): not chaining from it; run verify",
                        period, why);
        return Optional.empty();
    }

    private boolean isFollowedBy(SealRecord next) {
        return next.previousSeal().equals(CanonicalForm.linkDigest(head)) && next.chainHeight() == record.chainHeight() + 1;
    }
}
