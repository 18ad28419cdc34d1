package com.biometriclogger.evidence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archived head the sealer chains from. The archive is write-once, so one malformed or
 * version-1 head (written by the seal role, or in advance for an hour not yet due) can never be
 * replaced; were the sealer to throw on it, sealing would stop for good. Instead such a head is
 * refused with a {@code SEAL_HEAD_REFUSED} alert and the chain goes on from the newest sound head
 * before it, which verify sees as the refused hour failing to read or link.
 *
 * <p>Sound means parsed by {@link SealRecord#from} (strict numbers, a head, version 2). The
 * signature is not checked here: only the seal role may write the archive, and it holds the seal
 * key, so a signature would refuse nothing it could write; verify checks it.
 *
 * @param head the head as archived, which the next seal's link is a digest of
 */
record ChainEnd(String period, Map<String, String> head, SealRecord record) {

    private static final Logger LOG = LoggerFactory.getLogger(ChainEnd.class);

    /** The newest of {@code periods} (archived, oldest first) whose head is sound; the newer ones are refused. */
    static Optional<ChainEnd> newestSound(List<String> periods, Sealer.SealArchive archive) {
        for (int i = periods.size() - 1; i >= 0; i--) {
            var end = sound(periods.get(i), read(archive, periods.get(i)));
            if (end.isPresent()) {
                return end;
            }
        }
        return Optional.empty();
    }

    /** The hour's parts as archived; none when the archived object is not even flat JSON lines. */
    static List<Map<String, String>> read(Sealer.SealArchive archive, String period) {
        try {
            return archive.read(period);
        } catch (IllegalArgumentException unreadable) {
            return List.of();
        }
    }

    /** The hour's head when it is one the sealer can chain from; else empty, with an alert. */
    static Optional<ChainEnd> sound(String period, List<Map<String, String>> parts) {
        String why;
        if (parts.isEmpty()) {
            why = "no parts";
        } else {
            try {
                var record = SealRecord.from(parts.get(0));
                if (record.isHead() && record.commitsToContent() && record.period().toString().equals(period)) {
                    return Optional.of(new ChainEnd(period, parts.get(0), record));
                }
                why = "part " + record.part() + ", version " + record.version() + ", sealing " + record.period();
            } catch (IllegalArgumentException e) {
                why = String.valueOf(e.getMessage());
            }
        }
        LOG.atError().addKeyValue("period", period).addKeyValue("alert", "SEAL_HEAD_REFUSED")
                .log("the archived seal of {} is not one the sealer writes ({}): not chaining from it; run verify",
                        period, why);
        return Optional.empty();
    }
}
