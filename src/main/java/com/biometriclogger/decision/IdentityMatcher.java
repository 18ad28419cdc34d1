package com.biometriclogger.decision;

import java.util.List;
import java.util.Optional;

/**
 * 1:1 identity matching. A reference image ({@link ReferenceLayout}) that passes the quality policy
 * is ENROLLED; an upload {@code <uploadPrefix><subject>/…} that passes it is compared with the
 * subject's current enrolled references ({@link ReferenceMatch}) and is AUTHORIZED only when exactly one
 * of its faces matches one of them at or above the similarity threshold (a value exactly at the threshold passes),
 * and is REVIEW_REQUIRED when none does but exactly one is in the review band ({@link SimilarityThresholds}).
 *
 * <p>Only the current version of a reference counts: a replacement that failed enrolment, or whose
 * event has not been processed yet, leaves that reference out (the subject NOT_ENROLLED when it was
 * the only one) rather than falling back to an older photograph the operator meant to replace. An enrolment the registry cannot trust as signed
 * evidence is REJECTED REFERENCE_UNUSABLE, like a reference Rekognition cannot use: nothing is compared.
 */
public final class IdentityMatcher implements Identification {

    private final String uploadPrefix;
    private final ReferenceLayout layout;
    private final SimilarityThresholds thresholds;
    private final ReferenceRegistry references;
    private final FaceComparer comparer;

    /**
     * @param uploadPrefix    where uploads live, {@code <uploadPrefix><subject>/…}
     * @param referencePrefix where references are enrolled ({@link ReferenceLayout})
     */
    public IdentityMatcher(String uploadPrefix, String referencePrefix, SimilarityThresholds thresholds,
                                ReferenceRegistry references, FaceComparer comparer) {
        this.uploadPrefix = uploadPrefix;
        this.layout = new ReferenceLayout(referencePrefix);
        this.thresholds = thresholds;
        this.references = references;
        this.comparer = comparer;
    }

    @Override
    public Result identify(UploadedImage upload, ImageContent content, Verdict quality) {
        if (isReference(upload)) {
            return enrol(upload, quality);
        }
        if (quality.decision() == Decision.AUTHORIZED) {
            return compare(upload, content);
        }
        return notCompared(upload, quality);
    }

    @Override
    public Optional<IdentityFacts> uncompared(UploadedImage upload) {
        return isReference(upload) ? Optional.empty()
                : subjectOf(upload).map(subject -> IdentityFacts.notCompared(subject, thresholds));
    }

    boolean isReference(UploadedImage image) {
        return layout.isReference(image.key());
    }

    /** The subject an image belongs to: the reference's file name or folder ({@link ReferenceLayout}), or the upload's first folder. */
    Optional<String> subjectOf(UploadedImage image) {
        if (isReference(image)) {
            return layout.subjectOf(image.key());
        }
        String rest = image.key().substring(uploadPrefix.length());
        int slash = rest.indexOf('/');
        return slash > 0 ? Optional.of(rest.substring(0, slash)) : Optional.empty();
    }

    /** An upload that failed the quality policy: nothing to compare, but the subject is still recorded. */
    Result notCompared(UploadedImage upload, Verdict quality) {
        return new Result(quality, IdentityFacts.notCompared(subjectOf(upload).orElse(""), thresholds));
    }

    /**
     * A reference that passed (or failed) the quality policy: ENROLLED, or REJECTED with the policy's
     * reasons, or TOO_MANY_REFERENCES when the subject now has more than {@link ReferenceLayout#MAX_PER_SUBJECT}
     * reference images (this one counted).
     */
    Result enrol(UploadedImage reference, Verdict quality) {
        var subject = subjectOf(reference);
        var facts = IdentityFacts.notCompared(subject.orElse(""), thresholds);
        if (subject.isEmpty()) {
            return new Result(Verdict.rejected(ReasonCode.NO_SUBJECT), facts);
        }
        if (quality.decision() != Decision.AUTHORIZED) {
            return new Result(new Verdict(Decision.REJECTED, quality.reasons()), facts);
        }
        return references.referenceCount(reference.bucket(), subject.get()) > ReferenceLayout.MAX_PER_SUBJECT
                ? new Result(Verdict.rejected(ReasonCode.TOO_MANY_REFERENCES), facts)
                : new Result(new Verdict(Decision.ENROLLED, List.of()), facts);
    }

    /** An upload that passed the quality policy, compared with its subject's enrolled references. */
    Result compare(UploadedImage upload, ImageContent content) {
        var subject = subjectOf(upload);
        if (subject.isEmpty()) {
            return new Result(new Verdict(Decision.UNAUTHORIZED, List.of(ReasonCode.NO_SUBJECT)),
                    IdentityFacts.notCompared("", thresholds));
        }
        List<EnrolledReference> enrolled;
        try {
            enrolled = references.enrolledReferences(upload.bucket(), subject.get());
        } catch (UnjudgeableImageException untrustedEnrolment) {
            return new Result(Verdict.rejected(untrustedEnrolment.reason()), IdentityFacts.notCompared(subject.get(), thresholds));
        }
        if (enrolled.isEmpty()) {
            return new Result(new Verdict(Decision.UNAUTHORIZED, List.of(ReasonCode.NOT_ENROLLED)),
                    IdentityFacts.notCompared(subject.get(), thresholds));
        }
        var match = new ReferenceMatch(thresholds).decide(enrolled,
                reference -> comparer.similarities(reference, upload.object(), content));
        return new Result(match.verdict(), IdentityFacts.compared(subject.get(), match.reference(), match.similarity(), thresholds));
    }
}
