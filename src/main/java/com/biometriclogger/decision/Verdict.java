package com.biometriclogger.decision;

import java.util.List;

/** A decision with every reason that led to it (empty for {@link Decision#AUTHORIZED}). */
public record Verdict(Decision decision, List<ReasonCode> reasons) {

    public Verdict {
        reasons = List.copyOf(reasons);
    }

    public static Verdict rejected(ReasonCode reason) {
        return new Verdict(Decision.REJECTED, List.of(reason));
    }

    static Verdict fromFailedChecks(List<ReasonCode> failed) {
        return failed.isEmpty()
                ? new Verdict(Decision.AUTHORIZED, List.of())
                : new Verdict(Decision.UNAUTHORIZED, failed);
    }
}
