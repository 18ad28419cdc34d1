package com.biometriclogger.decision;

import java.util.Optional;

/**
 * What identity adds to a quality verdict: nothing in a detect-only deployment, a 1:1 comparison
 * with the subject's enrolled reference otherwise ({@link IdentityMatcher}).
 */
public interface Identification {

    record Result(Verdict verdict, IdentityFacts facts) {
    }

    /** A face of good quality is enough. */
    Identification DETECT_ONLY = (upload, content, quality) -> new Result(quality, IdentityFacts.NONE);

    /** @param quality the threshold policy's verdict on the upload's faces */
    Result identify(UploadedImage upload, ImageContent content, Verdict quality);

    /**
     * What is recorded about an upload refused before its faces are looked at (a lockout): its subject, when
     * uploads are matched to subjects. Empty for a reference, an upload naming no subject, and detect-only.
     */
    default Optional<IdentityFacts> uncompared(UploadedImage upload) {
        return Optional.empty();
    }
}
