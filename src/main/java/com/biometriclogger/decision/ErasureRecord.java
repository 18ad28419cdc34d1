package com.biometriclogger.decision;

import static com.biometriclogger.decision.AuditAttribute.*;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A lawful erasure, stored in the audit table beside the decisions so that it is signed, sealed and
 * archived like them: one item per erased attempt, keyed {@code erasure-<attemptId>} and marked
 * {@code kind=ERASURE} (a decision has no kind). It holds ids and digests, never an object key or a
 * subject id, so it outlives the personal data it accounts for without holding any of it.
 */
public final class ErasureRecord {

    public static final String KIND = "ERASURE";
    public static final String ID_PREFIX = "erasure-";
    /** The attributes only an erasure record carries. */
    public static final Set<AuditAttribute> ONLY_ON_ERASURES = Collections.unmodifiableSet(EnumSet.of(
            AuditAttribute.KIND, ERASED_ATTEMPT_ID, ERASED_SHA256, ERASED_DIGEST, ERASURE_REQUEST, LEGAL_BASIS,
            ERASED_BY, ERASED_AT));

    /** Why and by whom, as the operator gave it on the command line. */
    public record Request(String reference, String legalBasis, String erasedBy) {
    }

    private ErasureRecord() {
    }

    public static String idFor(String erasedAttemptId) {
        return ID_PREFIX + erasedAttemptId;
    }

    public static boolean isErasure(Map<String, String> attributes) {
        return KIND.equals(attributes.get(AuditAttribute.KIND.stored()));
    }

    /** The instant an item is filed under: its decision's, or for an erasure record, the erasure's. */
    public static String datedAt(Map<String, String> attributes) {
        return attributes.getOrDefault((isErasure(attributes) ? ERASED_AT : DECIDED_AT).stored(), "");
    }

    /**
     * The unsigned record of erasing {@code erased}.
     *
     * @param erasedDigest the erased item's digest as sealed (its canonical form's SHA-256)
     */
    public static AuditItem of(AuditItem erased, String erasedDigest, Request request, Instant erasedAt) {
        var record = new TreeMap<String, String>();
        record.put(ATTEMPT_ID.stored(), idFor(erased.attemptId()));
        record.put(AuditAttribute.KIND.stored(), KIND);
        record.put(ERASED_ATTEMPT_ID.stored(), erased.attemptId());
        record.put(ERASED_SHA256.stored(), erased.get(SHA256).orElse(""));
        record.put(ERASED_DIGEST.stored(), erasedDigest);
        record.put(ERASURE_REQUEST.stored(), request.reference());
        record.put(LEGAL_BASIS.stored(), request.legalBasis());
        record.put(ERASED_BY.stored(), request.erasedBy());
        record.put(ERASED_AT.stored(), erasedAt.toString());
        record.put(SCHEMA_VERSION.stored(), AuditItem.SCHEMA_VERSION);
        return AuditItem.of(record);
    }
}
