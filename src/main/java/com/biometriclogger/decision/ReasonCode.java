package com.biometriclogger.decision;

/** Machine-readable reasons behind a decision; stable names, stored in the audit item. */
public enum ReasonCode {
    // Input that can never be judged: REJECTED.
    EMPTY_OBJECT,
    TOO_LARGE,
    DIMENSIONS_TOO_LARGE,
    UNSUPPORTED_FORMAT,
    INVALID_IMAGE_FORMAT,
    INVALID_IMAGE,
    OBJECT_GONE,
    OBJECT_CHANGED,
    UNVERSIONED_TOO_LARGE,

    // Judged and failed the policy: UNAUTHORIZED.
    NO_FACE,
    MULTIPLE_FACES,
    LOW_CONFIDENCE,
    POSE_OUT_OF_RANGE,
    POSE_UNKNOWN,
    LOW_BRIGHTNESS,
    LOW_SHARPNESS,
    QUALITY_UNKNOWN,
    EYES_CLOSED,
    EYES_OPEN_UNKNOWN,
    SUNGLASSES,
    SUNGLASSES_UNKNOWN,

    // Identity verification (CompareFaces against the subject's enrolled reference).
    NOT_ENROLLED,
    NO_MATCH,
    /** REVIEW_REQUIRED: the one face near the reference is in the review band, under the match threshold. */
    NEAR_MATCH,
    NO_SUBJECT,
    REFERENCE_GONE,
    REFERENCE_UNUSABLE,
    /** REJECTED enrolment: the subject already has {@link ReferenceLayout#MAX_PER_SUBJECT} references. */
    TOO_MANY_REFERENCES,

    /** UNAUTHORIZED: too many failures against the subject lately ({@link LockoutRule}); nothing was compared. */
    LOCKED_OUT
}
