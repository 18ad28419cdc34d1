package com.biometriclogger.decision;

import java.util.List;

/**
 * How similar an upload must be to its subject's reference: {@code match} and above is a match; the
 * review band, {@code review} up to just under {@code match}, goes to a person ({@link
 * Decision#REVIEW_REQUIRED}). The band is off when {@code review} equals {@code match}, the default,
 * so a deployment that does not ask for reviews decides exactly as before. A value exactly at a
 * threshold counts as reaching it.
 */
public record SimilarityThresholds(float match, float review) {

    public SimilarityThresholds {
        if (review > match) {
            throw new IllegalArgumentException("the review band starts at " + review + ", above the match threshold " + match);
        }
    }

    /** No review band: under {@code match} is no match. */
    public static SimilarityThresholds matchOnly(float match) {
        return new SimilarityThresholds(match, match);
    }

    public boolean reviewBandOn() {
        return review < match;
    }

    /**
     * Exactly one face at or above {@code match} is a match; with none, exactly one in the review band
     * needs a review; anything else (no face near, or several candidates) is no match.
     */
    public Verdict judge(List<Float> similarities) {
        long matching = similarities.stream().filter(s -> s >= match).count();
        long inBand = similarities.stream().filter(s -> s >= review && s < match).count();
        if (matching == 1) {
            return new Verdict(Decision.AUTHORIZED, List.of());
        }
        return matching == 0 && inBand == 1
                ? new Verdict(Decision.REVIEW_REQUIRED, List.of(ReasonCode.NEAR_MATCH))
                : new Verdict(Decision.UNAUTHORIZED, List.of(ReasonCode.NO_MATCH));
    }
}
