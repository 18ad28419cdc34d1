package com.biometriclogger.evidence;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.ErasureRecord;
import com.biometriclogger.evidence.Finding.Problem;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Whether each sealed item gone from the table was lawfully erased: a validly signed erasure record
 * must account for it with the digest its seal holds, and each record must account for exactly one
 * sealed item that is gone. Any other absence is a deletion.
 */
final class ErasureAccounts {

    /** Validly signed erasure records, by the attempt id each accounts for. */
    private final Map<String, Map<String, String>> records = new HashMap<>();
    /** Every attempt id some readable seal holds. */
    private final Set<String> sealedIds = new HashSet<>();
    private int erased;

    /** A validly signed erasure record: its id must be {@code erasure-} and the attempt it names. */
    void addRecord(Map<String, String> attributes, String id, Consumer<Finding> findings) {
        String erasedId = attributes.getOrDefault(AuditAttribute.ERASED_ATTEMPT_ID.stored(), "");
        if (erasedId.isEmpty() || !id.equals(ErasureRecord.idFor(erasedId))) {
            findings.accept(new Finding(Problem.ERASURE_INVALID, id, "an erasure record must be stored as "
                    + ErasureRecord.ID_PREFIX + "<the attempt id it names>, and names '" + erasedId + "'"));
            return;
        }
        records.put(erasedId, attributes);
    }

    void sealed(Collection<String> attemptIds) {
        sealedIds.addAll(attemptIds);
    }

    /** @param sealedDigest empty for a seal that commits to ids only */
    void accountForMissing(SealPeriod period, String id, Optional<String> sealedDigest, Consumer<Finding> findings) {
        var record = records.get(id);
        if (record == null) {
            findings.accept(new Finding(Problem.DELETED_AFTER_SEALING, id, "sealed in hour " + period
                    + " UTC, missing from the table"));
            return;
        }
        String recordedDigest = value(record, AuditAttribute.ERASED_DIGEST);
        if (sealedDigest.isPresent() && !sealedDigest.get().equals(recordedDigest)) {
            findings.accept(new Finding(Problem.ERASURE_MISMATCH, ErasureRecord.idFor(id), "names digest "
                    + recordedDigest + " for " + id + ", sealed in hour " + period + " UTC with " + sealedDigest.get()
                    + ": it does not account for the item that was sealed"));
        } else {
            erased++;
        }
    }

    /** An erasure record must name an item that was sealed, and that is gone. */
    void checkEachAccountsForASealedItem(Set<String> present, Consumer<Finding> findings) {
        new TreeMap<>(records).forEach((erasedId, record) -> {
            String about = ErasureRecord.idFor(erasedId);
            if (present.contains(erasedId)) {
                findings.accept(new Finding(Problem.ERASURE_INCOMPLETE, about, "records the erasure of " + erasedId
                        + " under request " + value(record, AuditAttribute.ERASURE_REQUEST)
                        + ", but that item is still in the table: run erase again to finish"));
            } else if (!sealedIds.contains(erasedId)) {
                findings.accept(new Finding(Problem.ERASURE_OF_UNSEALED, about, "names " + erasedId
                        + ", which no seal holds: it accounts for nothing that was ever sealed"));
            }
        });
    }

    /** The digest the valid erasure record of {@code id} names for it, if there is such a record. */
    Optional<String> erasedDigest(String id) {
        return Optional.ofNullable(records.get(id)).map(record -> value(record, AuditAttribute.ERASED_DIGEST));
    }

    /** Whether a validly signed erasure record names the attempt (whatever else it may be found to get wrong). */
    boolean accountsFor(String attemptId) {
        return records.containsKey(attemptId);
    }

    int erased() {
        return erased;
    }

    private static String value(Map<String, String> attributes, AuditAttribute attribute) {
        return attributes.getOrDefault(attribute.stored(), "");
    }
}
