package com.biometriclogger.decision;

/** The outcome recorded for one verification attempt. */
public enum Decision {
    /** The image passed every check of the policy. */
    AUTHORIZED,
    /** The image was judged and failed at least one check of the policy. */
    UNAUTHORIZED,
    /**
     * The image passed every check but its similarity fell in the review band, just under the match
     * threshold: neither authorized nor refused until a person reviews it (a signed review record).
     */
    REVIEW_REQUIRED,
    /** A reference image passed the quality policy and is now the subject's enrolled reference. */
    ENROLLED,
    /** The input can never be judged (not an image, too large, gone...): retrying will not change it. */
    REJECTED
}
