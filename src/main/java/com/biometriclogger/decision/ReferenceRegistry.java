package com.biometriclogger.decision;

import java.util.Optional;

/** Finds a subject's enrolled reference image. */
public interface ReferenceRegistry {

    /**
     * The current version of the subject's reference, if that exact version was enrolled; empty when
     * there is no reference or its current version was not (or not yet) enrolled.
     *
     * @throws UnjudgeableImageException {@link ReasonCode#REFERENCE_UNUSABLE} when the record of the
     *                                   enrolment is not trustworthy evidence (altered, unsigned, or
     *                                   signed by another key)
     */
    Optional<EnrolledReference> currentReference(String bucket, String subjectId);
}
