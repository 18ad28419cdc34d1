package com.biometriclogger.decision;

/** The write-once store of audit items. */
public interface AuditLog {

    /**
     * Stores the item unless one with the same attempt id exists.
     *
     * @return {@code true} if written, {@code false} if an earlier delivery already wrote it
     */
    boolean recordOnce(AuditItem item);
}
