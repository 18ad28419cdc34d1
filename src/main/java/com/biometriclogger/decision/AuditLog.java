package com.biometriclogger.decision;

/** The write-once store of audit items. */
public interface AuditLog {

    /**
     * Stores the item unless one with the same attempt id exists.
     *
     * @return {@code true} if written, {@code false} if an earlier delivery already wrote it
     */
    boolean recordOnce(AuditItem item);

    /**
     * Whether an item with this attempt id is stored, read consistently: a redelivered upload is found
     * before anything is judged or signed again. When it is, the store finishes whatever an earlier
     * delivery left undone beside it (its commitment), so a retry is never a no-op that loses something.
     */
    boolean contains(String attemptId);
}
