package com.biometriclogger.decision;

import java.util.List;
import java.util.Optional;

/**
 * 1:1 identity matching. A reference image {@code <referencePrefix><subject>.jpg|.png} that
 * passes the quality policy is ENROLLED; an upload {@code <uploadPrefix><subject>/…} that passes it
 * is compared with the subject's current enrolled reference and is AUTHORIZED only when exactly one
 * of its faces matches at or above the similarity threshold (a value exactly at the threshold passes),
 * and is REVIEW_REQUIRED when none does but exactly one is in the review band ({@link SimilarityThresholds}).
 *
 * <p>Only the current version of a reference counts: a replacement that failed enrolment, or whose
 * event has not been processed yet, leaves the subject NOT_ENROLLED rather than falling back to an
 * older photograph the operator meant to replace. An enrolment the registry cannot trust as signed
 * evidence is REJECTED REFERENCE_UNUSABLE, like a reference Rekognition cannot use: nothing is compared.
 */
public final class IdentityMatcher implements Identification {

    private final String uploadPrefix;
    private final String referencePrefix;
    private final SimilarityThresholds thresholds;
    private final ReferenceRegistry references;
    private final FaceComparer comparer;

    /**
     * @param uploadPrefix    where uploads live, {@code <uploadPrefix><subject>/…}
     * @param referencePrefix where references are enrolled, {@code <referencePrefix><subject>.jpg|.png}
     */
    public IdentityMatcher(String uploadPrefix, String referencePrefix, SimilarityThresholds thresholds,
                                ReferenceRegistry references, FaceComparer comparer) {
        this.uploadPrefix = uploadPrefix;
        this.referencePrefix = referencePrefix;
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
        return image.key().startsWith(referencePrefix);
    }

    /** The subject an image belongs to: the reference's file name, or the upload's first folder. */
    Optional<String> subjectOf(UploadedImage image) {
        if (isReference(image)) {
            String name = image.key().substring(referencePrefix.length());
            int dot = name.lastIndexOf('.');
            String subject = dot > 0 ? name.substring(0, dot) : name;
            return subject.isEmpty() || subject.contains("/") ? Optional.empty() : Optional.of(subject);
        }
        String rest = image.key().substring(uploadPrefix.length());
        int slash = rest.indexOf('/');
        return slash > 0 ? Optional.of(rest.substring(0, slash)) : Optional.empty();
    }

    /** An upload that failed the quality policy: nothing to compare, but the subject is still recorded. */
    Result notCompared(UploadedImage upload, Verdict quality) {
        return new Result(quality, IdentityFacts.notCompared(subjectOf(upload).orElse(""), thresholds));
    }

    /** A reference that passed (or failed) the quality policy: ENROLLED, or REJECTED with the policy's reasons. */
    Result enrol(UploadedImage reference, Verdict quality) {
        var subject = subjectOf(reference);
        var facts = IdentityFacts.notCompared(subject.orElse(""), thresholds);
        if (subject.isEmpty()) {
            return new Result(Verdict.rejected(ReasonCode.NO_SUBJECT), facts);
        }
        return quality.decision() == Decision.AUTHORIZED
                ? new Result(new Verdict(Decision.ENROLLED, List.of()), facts)
                : new Result(new Verdict(Decision.REJECTED, quality.reasons()), facts);
    }

    /** An upload that passed the quality policy, compared with its subject's enrolled reference. */
    Result compare(UploadedImage upload, ImageContent content) {
        var subject = subjectOf(upload);
        if (subject.isEmpty()) {
            return new Result(new Verdict(Decision.UNAUTHORIZED, List.of(ReasonCode.NO_SUBJECT)),
                    IdentityFacts.notCompared("", thresholds));
        }
        Optional<EnrolledReference> reference;
        try {
            reference = references.currentReference(upload.bucket(), subject.get());
        } catch (UnjudgeableImageException untrustedEnrolment) {
            return new Result(Verdict.rejected(untrustedEnrolment.reason()), IdentityFacts.notCompared(subject.get(), thresholds));
        }
        if (reference.isEmpty()) {
            return new Result(new Verdict(Decision.UNAUTHORIZED, List.of(ReasonCode.NOT_ENROLLED)),
                    IdentityFacts.notCompared(subject.get(), thresholds));
        }
        try {
            var similarities = comparer.similarities(reference.get(), upload.object(), content);
            var best = similarities.stream().max(Float::compare);
            var facts = IdentityFacts.compared(subject.get(), reference.get(), best, thresholds);
            return new Result(thresholds.judge(similarities), facts);
        } catch (UnjudgeableImageException e) {
            return new Result(Verdict.rejected(e.reason()), IdentityFacts.compared(subject.get(), reference.get(), Optional.empty(), thresholds));
        }
    }
}
