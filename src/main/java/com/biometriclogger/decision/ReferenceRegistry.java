package com.biometriclogger.decision;

import java.util.List;

/** Finds a subject's enrolled reference images ({@link ReferenceLayout}). */
public interface ReferenceRegistry {

    /**
     * The current version of each of the subject's references whose exact version was enrolled, in
     * the order they are compared (the single-file reference first, then the named ones by key), at
     * most {@link ReferenceLayout#MAX_PER_SUBJECT}; a reference whose current version was not (or
     * not yet) enrolled is left out.
     *
     * @throws UnjudgeableImageException {@link ReasonCode#REFERENCE_UNUSABLE} when the record of an
     *                                   enrolment is not trustworthy evidence (altered, unsigned, or
     *                                   signed by another key)
     */
    List<EnrolledReference> enrolledReferences(String bucket, String subjectId);

    /** How many reference images the subject has in the bucket now, enrolled or not. */
    int referenceCount(String bucket, String subjectId);
}
