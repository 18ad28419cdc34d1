package com.biometriclogger.decision;

import java.util.List;
import java.util.Optional;

/**
 * Compares an upload with each of a subject's enrolled references in turn, until one matches: one
 * {@code CompareFaces} per reference tried. The first match decides, AUTHORIZED; without one, the
 * reference that came nearest decides, REVIEW_REQUIRED when it is in the review band and otherwise
 * UNAUTHORIZED. A reference the comparison cannot use (gone, or no face in it) stops the search,
 * REJECTED with its reason, as with a single reference: the operator's references are at fault and
 * must be mended, not silently skipped. The item records the deciding reference and its best similarity, so {@code verify
 * --rederive} re-judges the decision from the figures it names, whichever reference that was.
 */
public final class ReferenceMatch {

    /** What one comparison gives: the similarity of each face in the upload, best first. */
    @FunctionalInterface
    public interface Comparison {
        List<Float> similarities(EnrolledReference reference);
    }

    /** @param similarity the deciding reference's best similarity; empty when the upload showed it no face */
    public record Outcome(Verdict verdict, EnrolledReference reference, Optional<Float> similarity) {
    }

    private final SimilarityThresholds thresholds;

    public ReferenceMatch(SimilarityThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** @param references at least one, in the order to try them */
    public Outcome decide(List<EnrolledReference> references, Comparison comparison) {
        if (references.isEmpty()) {
            throw new IllegalArgumentException("no reference to compare with");
        }
        Optional<Outcome> nearest = Optional.empty();
        for (var reference : references) {
            List<Float> similarities;
            try {
                similarities = comparison.similarities(reference);
            } catch (UnjudgeableImageException unusable) {
                return new Outcome(Verdict.rejected(unusable.reason()), reference, Optional.empty());
            }
            var tried = new Outcome(thresholds.judge(similarities), reference, similarities.stream().max(Float::compare));
            if (tried.verdict().decision() == Decision.AUTHORIZED) {
                return tried;
            }
            if (nearest.isEmpty() || nearer(tried, nearest.get())) {
                nearest = Optional.of(tried);
            }
        }
        return nearest.orElseThrow();
    }

    /** A review beats a refusal; between equals the higher similarity wins, and on a tie the earlier reference. */
    private static boolean nearer(Outcome tried, Outcome best) {
        boolean triedReview = tried.verdict().decision() == Decision.REVIEW_REQUIRED;
        boolean bestReview = best.verdict().decision() == Decision.REVIEW_REQUIRED;
        if (triedReview != bestReview) {
            return triedReview;
        }
        return tried.similarity().orElse(-1f) > best.similarity().orElse(-1f);
    }
}
