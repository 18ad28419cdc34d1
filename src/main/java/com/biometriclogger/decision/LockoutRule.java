package com.biometriclogger.decision;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * After {@code limit} failed attempts against one subject within {@code window}, that subject's further uploads
 * are UNAUTHORIZED {@link ReasonCode#LOCKED_OUT} until the oldest of them is {@code window} old: at most
 * {@code limit} comparisons can fail for one subject in any window, however fast someone tries faces.
 *
 * <p>A failure is an UNAUTHORIZED decision with one of {@link #FAILURE_REASONS}: a face compared and found to be
 * someone else's. Liveness failures join by adding their reason codes there, nothing else. Never counted: no face
 * or a poor one (a camera's fault, not a guess), a lockout itself (nothing was compared, so nothing was learnt),
 * and anything not compared with a subject's reference.
 */
public record LockoutRule(int limit, Duration window) {

    /** What the lockout counts. Never {@link ReasonCode#NO_FACE}, nor {@link ReasonCode#LOCKED_OUT}. */
    public static final Set<ReasonCode> FAILURE_REASONS = Collections.unmodifiableSet(EnumSet.of(ReasonCode.NO_MATCH));

    /** AWS's liveness guidance suggests limiting attempts; issue 29 set these defaults. */
    public static final LockoutRule DEFAULT = new LockoutRule(5, Duration.ofMinutes(15));

    public LockoutRule {
        if (limit < 1 || window.isNegative() || window.isZero() || window.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("a lockout needs at least 1 failure and a window of whole seconds, got "
                    + limit + " in " + window);
        }
    }

    public boolean countsAsFailure(Verdict verdict) {
        return verdict.decision() == Decision.UNAUTHORIZED && verdict.reasons().stream().anyMatch(FAILURE_REASONS::contains);
    }

    /** The earliest failure instant a decision at {@code at} still counts: the window is (at - window, at]. */
    public Instant earliestCounted(Instant at) {
        return at.minus(window).plusMillis(1);
    }

    public boolean locksOut(int failures) {
        return failures >= limit;
    }
}
