package com.biometriclogger.decision;

/**
 * Every attribute of a stored audit item, with the name it is stored under: the one place those
 * names are written. Every value is a String (numbers, booleans and epochs too), so the stored form
 * is exactly what was decided, with no number-format drift.
 */
public enum AuditAttribute {
    ATTEMPT_ID("attemptId"),
    BUCKET("bucket"),
    OBJECT_KEY("objectKey"),
    VERSION_ID("versionId"),
    E_TAG("eTag"),
    SIZE_BYTES("sizeBytes"),
    SEQUENCER("sequencer"),
    SHA256("sha256"),
    IMAGE_FORMAT("imageFormat"),
    DECISION("decision"),
    REASONS("reasons"),
    FACE_COUNT("faceCount"),
    TOP_CONFIDENCE("topConfidence"),
    FACE_YAW("faceYaw"),
    FACE_PITCH("facePitch"),
    FACE_ROLL("faceRoll"),
    FACE_BRIGHTNESS("faceBrightness"),
    FACE_SHARPNESS("faceSharpness"),
    FACE_EYES_OPEN("faceEyesOpen"),
    FACE_SUNGLASSES("faceSunglasses"),
    /**
     * Every detected face's box ({@link FaceBox}), the judged face first, {@code ;} between faces: what the
     * auditor's report draws. Signed with the item, never logged.
     */
    FACE_BOXES("faceBoxes"),
    POLICY("policy"),
    SUBJECT_ID("subjectId"),
    REFERENCE_KEY("referenceKey"),
    REFERENCE_VERSION_ID("referenceVersionId"),
    REFERENCE_SHA256("referenceSha256"),
    SIMILARITY("similarity"),
    SIMILARITY_THRESHOLD("similarityThreshold"),
    /** Where the review band starts ({@link SimilarityThresholds}); recorded only while the band is on. */
    REVIEW_THRESHOLD("reviewThreshold"),
    DECIDED_AT("decidedAt"),
    DECIDED_AT_EPOCH_MILLIS("decidedAtEpochMillis"),
    REQUEST_ID("requestId"),
    FUNCTION_VERSION("functionVersion"),
    SCHEMA_VERSION("schemaVersion"),
    /** {@code ERASURE} on an {@link ErasureRecord}, {@code REVIEW} on a {@link ReviewRecord}; a decision has none. */
    KIND("kind"),
    /** The attempt an erasure record accounts for; the record's own id is {@code erasure-} and this. */
    ERASED_ATTEMPT_ID("erasedAttemptId"),
    /** The erased item's {@link #SHA256}: which image was erased, without the image. */
    ERASED_SHA256("erasedSha256"),
    /** The erased item's digest as its hour's seal committed to it, so the record names exactly what was sealed. */
    ERASED_DIGEST("erasedDigest"),
    /** The operator's reference for the erasure request (a ticket number, never the requester's name). */
    ERASURE_REQUEST("erasureRequest"),
    LEGAL_BASIS("legalBasis"),
    /** Who ran the erasure: the caller's ARN (the local user on the local stack). */
    ERASED_BY("erasedBy"),
    ERASED_AT("erasedAt"),
    /** The attempt a review record reviews; the record's own id is {@code review-} and this. */
    REVIEWED_ATTEMPT_ID("reviewedAttemptId"),
    /** The reviewed item's digest (its canonical form's SHA-256), so the record names exactly what was reviewed. */
    REVIEWED_DIGEST("reviewedDigest"),
    /** {@code APPROVED} or {@code DENIED}: the person's decision, which stands beside the function's. */
    REVIEW_OUTCOME("reviewOutcome"),
    /** {@code REVIEW_REQUIRED} (the decision asked for it) or {@code CONTESTED} (the subject did). */
    REVIEW_GROUND("reviewGround"),
    /** Why, as the reviewer wrote it (never an image, nor a figure the decision does not already record). */
    REVIEW_REASON("reviewReason"),
    /** Who reviewed: the caller's ARN (the local user on the local stack). */
    REVIEWED_BY("reviewedBy"),
    /** How many failures against the subject the decision counted before judging ({@link LockoutRule}), at most the limit. */
    FAILURES_COUNTED("failuresCounted"),
    /** The failures that lock a subject out, as the decision counted them. */
    LOCKOUT_LIMIT("lockoutLimit"),
    /** The window failures are counted in, in whole seconds. */
    LOCKOUT_WINDOW_SECONDS("lockoutWindowSeconds"),
    /** The subject, on a decision the lockout counts as a failure only: the key of the failures-by-subject index. */
    FAILED_SUBJECT_ID("failedSubjectId"),
    /** The hour (UTC) the item is sealed in; stamped with the signature, from {@link #DECIDED_AT}. */
    SEAL_PERIOD("sealPeriod"),
    /** The key that signed the item; seals carry it too. */
    SIGNING_KEY_ID("signingKeyId"),
    /** Over every other attribute; seals carry it too. */
    SIGNATURE("signature");

    private final String stored;

    AuditAttribute(String stored) {
        this.stored = stored;
    }

    public String stored() {
        return stored;
    }
}
