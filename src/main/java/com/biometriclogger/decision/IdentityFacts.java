package com.biometriclogger.decision;

/**
 * What identity verification recorded about one attempt: enough to re-establish later exactly
 * which two images were compared and how closely they matched.
 *
 * @param reference  null when no usable reference was found
 * @param similarity null when no comparison took place
 */
public record IdentityFacts(String subjectId, EnrolledReference reference, Float similarity, float similarityThreshold) {
}
