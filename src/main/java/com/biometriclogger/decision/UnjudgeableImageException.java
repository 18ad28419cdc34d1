package com.biometriclogger.decision;

import org.jspecify.annotations.Nullable;

/**
 * A permanent failure of one upload: retrying can never produce a judgement, so the attempt is
 * audited as {@link Decision#REJECTED} with this reason and the invocation succeeds.
 */
public final class UnjudgeableImageException extends RuntimeException {

    private final ReasonCode reason;

    public UnjudgeableImageException(ReasonCode reason, @Nullable String message, @Nullable Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public ReasonCode reason() {
        return reason;
    }
}
