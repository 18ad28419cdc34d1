package com.biometriclogger.decision;

import java.util.Optional;

/**
 * What identity matching recorded about one attempt: enough to re-establish later exactly which two
 * images were compared and how closely they matched.
 *
 * @param reference           empty when no usable reference was found
 * @param similarity          empty when no comparison took place
 * @param thresholds          empty when the deployment matches no identities (detect-only)
 */
public record IdentityFacts(String subjectId, Optional<EnrolledReference> reference, Optional<Float> similarity,
                            Optional<SimilarityThresholds> thresholds) {

    /** Detect-only, or an image that was never judged: no identity attributes at all. */
    public static final IdentityFacts NONE = new IdentityFacts("", Optional.empty(), Optional.empty(), Optional.empty());

    public static IdentityFacts notCompared(String subjectId, SimilarityThresholds thresholds) {
        return new IdentityFacts(subjectId, Optional.empty(), Optional.empty(), Optional.of(thresholds));
    }

    public static IdentityFacts compared(String subjectId, EnrolledReference reference, Optional<Float> similarity,
                                         SimilarityThresholds thresholds) {
        return new IdentityFacts(subjectId, Optional.of(reference), similarity, Optional.of(thresholds));
    }
}
