package com.biometriclogger.decision;

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
}
