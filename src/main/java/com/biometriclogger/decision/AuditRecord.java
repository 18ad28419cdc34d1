package com.biometriclogger.decision;

import java.util.Objects;

/**
 * The evidence of one verification attempt, as stored: every value is a String (numbers, booleans
 * and epochs too) so the stored form is exactly what was decided, with no number-format drift.
 * Immutable; built once per attempt by {@link AuditRecords}.
 */
public final class AuditRecord {

    /** Bumped when attributes are added or change meaning (2: signature, signingKeyId, sealPeriod). */
    public static final String SCHEMA_VERSION = "2";
    private final String attemptId;
    private final String bucket;
    private final String objectKey;
    private final String versionId;
    private final String eTag;
    private final String sizeBytes;
    private final String sequencer;
    private final String sha256;
    private final String imageFormat;
    private final String decision;
    private final String reasons;
    private final String faceCount;
    private final String topConfidence;
    private final String faceYaw;
    private final String facePitch;
    private final String faceRoll;
    private final String faceBrightness;
    private final String faceSharpness;
    private final String faceEyesOpen;
    private final String faceSunglasses;
    private final String policy;
    private final String subjectId;
    private final String referenceKey;
    private final String referenceVersionId;
    private final String referenceSha256;
    private final String similarity;
    private final String similarityThreshold;
    private final String decidedAt;
    private final String decidedAtEpochMillis;
    private final String requestId;
    private final String functionVersion;
    private final String schemaVersion;
    private final String sealPeriod;
    private final String signingKeyId;
    private final String signature;

    private AuditRecord(Builder b) {
        this.attemptId = b.attemptId;
        this.bucket = b.bucket;
        this.objectKey = b.objectKey;
        this.versionId = b.versionId;
        this.eTag = b.eTag;
        this.sizeBytes = b.sizeBytes;
        this.sequencer = b.sequencer;
        this.sha256 = b.sha256;
        this.imageFormat = b.imageFormat;
        this.decision = b.decision;
        this.reasons = b.reasons;
        this.faceCount = b.faceCount;
        this.topConfidence = b.topConfidence;
        this.faceYaw = b.faceYaw;
        this.facePitch = b.facePitch;
        this.faceRoll = b.faceRoll;
        this.faceBrightness = b.faceBrightness;
        this.faceSharpness = b.faceSharpness;
        this.faceEyesOpen = b.faceEyesOpen;
        this.faceSunglasses = b.faceSunglasses;
        this.policy = b.policy;
        this.subjectId = b.subjectId;
        this.referenceKey = b.referenceKey;
        this.referenceVersionId = b.referenceVersionId;
        this.referenceSha256 = b.referenceSha256;
        this.similarity = b.similarity;
        this.similarityThreshold = b.similarityThreshold;
        this.decidedAt = b.decidedAt;
        this.decidedAtEpochMillis = b.decidedAtEpochMillis;
        this.requestId = b.requestId;
        this.functionVersion = b.functionVersion;
        this.schemaVersion = b.schemaVersion;
        this.sealPeriod = b.sealPeriod;
        this.signingKeyId = b.signingKeyId;
        this.signature = b.signature;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String attemptId() {
        return attemptId;
    }

    public String bucket() {
        return bucket;
    }

    public String objectKey() {
        return objectKey;
    }

    public String versionId() {
        return versionId;
    }

    public String eTag() {
        return eTag;
    }

    public String sizeBytes() {
        return sizeBytes;
    }

    public String sequencer() {
        return sequencer;
    }

    public String sha256() {
        return sha256;
    }

    public String imageFormat() {
        return imageFormat;
    }

    public String decision() {
        return decision;
    }

    public String reasons() {
        return reasons;
    }

    public String faceCount() {
        return faceCount;
    }

    public String topConfidence() {
        return topConfidence;
    }

    public String faceYaw() {
        return faceYaw;
    }

    public String facePitch() {
        return facePitch;
    }

    public String faceRoll() {
        return faceRoll;
    }

    public String faceBrightness() {
        return faceBrightness;
    }

    public String faceSharpness() {
        return faceSharpness;
    }

    public String faceEyesOpen() {
        return faceEyesOpen;
    }

    public String faceSunglasses() {
        return faceSunglasses;
    }

    public String policy() {
        return policy;
    }

    public String subjectId() {
        return subjectId;
    }

    public String referenceKey() {
        return referenceKey;
    }

    public String referenceVersionId() {
        return referenceVersionId;
    }

    public String referenceSha256() {
        return referenceSha256;
    }

    public String similarity() {
        return similarity;
    }

    public String similarityThreshold() {
        return similarityThreshold;
    }

    public String decidedAt() {
        return decidedAt;
    }

    public String decidedAtEpochMillis() {
        return decidedAtEpochMillis;
    }

    public String requestId() {
        return requestId;
    }

    public String functionVersion() {
        return functionVersion;
    }

    public String schemaVersion() {
        return schemaVersion;
    }

    public String sealPeriod() {
        return sealPeriod;
    }

    public String signingKeyId() {
        return signingKeyId;
    }

    public String signature() {
        return signature;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuditRecord that
                && Objects.equals(attemptId, that.attemptId)
                && Objects.equals(bucket, that.bucket)
                && Objects.equals(objectKey, that.objectKey)
                && Objects.equals(versionId, that.versionId)
                && Objects.equals(eTag, that.eTag)
                && Objects.equals(sizeBytes, that.sizeBytes)
                && Objects.equals(sequencer, that.sequencer)
                && Objects.equals(sha256, that.sha256)
                && Objects.equals(imageFormat, that.imageFormat)
                && Objects.equals(decision, that.decision)
                && Objects.equals(reasons, that.reasons)
                && Objects.equals(faceCount, that.faceCount)
                && Objects.equals(topConfidence, that.topConfidence)
                && Objects.equals(faceYaw, that.faceYaw)
                && Objects.equals(facePitch, that.facePitch)
                && Objects.equals(faceRoll, that.faceRoll)
                && Objects.equals(faceBrightness, that.faceBrightness)
                && Objects.equals(faceSharpness, that.faceSharpness)
                && Objects.equals(faceEyesOpen, that.faceEyesOpen)
                && Objects.equals(faceSunglasses, that.faceSunglasses)
                && Objects.equals(policy, that.policy)
                && Objects.equals(subjectId, that.subjectId)
                && Objects.equals(referenceKey, that.referenceKey)
                && Objects.equals(referenceVersionId, that.referenceVersionId)
                && Objects.equals(referenceSha256, that.referenceSha256)
                && Objects.equals(similarity, that.similarity)
                && Objects.equals(similarityThreshold, that.similarityThreshold)
                && Objects.equals(decidedAt, that.decidedAt)
                && Objects.equals(decidedAtEpochMillis, that.decidedAtEpochMillis)
                && Objects.equals(requestId, that.requestId)
                && Objects.equals(functionVersion, that.functionVersion)
                && Objects.equals(schemaVersion, that.schemaVersion)
                && Objects.equals(sealPeriod, that.sealPeriod)
                && Objects.equals(signingKeyId, that.signingKeyId)
                && Objects.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return attemptId == null ? 0 : attemptId.hashCode();
    }

    @Override
    public String toString() {
        return "AuditRecord[attemptId=" + attemptId + ", key=" + objectKey + ", versionId=" + versionId
                + ", decision=" + decision + ", reasons=" + reasons + "]";
    }

    public static final class Builder {
        private String attemptId;
        private String bucket;
        private String objectKey;
        private String versionId;
        private String eTag;
        private String sizeBytes;
        private String sequencer;
        private String sha256;
        private String imageFormat;
        private String decision;
        private String reasons;
        private String faceCount;
        private String topConfidence;
        private String faceYaw;
        private String facePitch;
        private String faceRoll;
        private String faceBrightness;
        private String faceSharpness;
        private String faceEyesOpen;
        private String faceSunglasses;
        private String policy;
        private String subjectId;
        private String referenceKey;
        private String referenceVersionId;
        private String referenceSha256;
        private String similarity;
        private String similarityThreshold;
        private String decidedAt;
        private String decidedAtEpochMillis;
        private String requestId;
        private String functionVersion;
        private String schemaVersion;
        private String sealPeriod;
        private String signingKeyId;
        private String signature;

        private Builder() {
        }

        public Builder attemptId(String value) {
            this.attemptId = value;
            return this;
        }

        public Builder bucket(String value) {
            this.bucket = value;
            return this;
        }

        public Builder objectKey(String value) {
            this.objectKey = value;
            return this;
        }

        public Builder versionId(String value) {
            this.versionId = value;
            return this;
        }

        public Builder eTag(String value) {
            this.eTag = value;
            return this;
        }

        public Builder sizeBytes(String value) {
            this.sizeBytes = value;
            return this;
        }

        public Builder sequencer(String value) {
            this.sequencer = value;
            return this;
        }

        public Builder sha256(String value) {
            this.sha256 = value;
            return this;
        }

        public Builder imageFormat(String value) {
            this.imageFormat = value;
            return this;
        }

        public Builder decision(String value) {
            this.decision = value;
            return this;
        }

        public Builder reasons(String value) {
            this.reasons = value;
            return this;
        }

        public Builder faceCount(String value) {
            this.faceCount = value;
            return this;
        }

        public Builder topConfidence(String value) {
            this.topConfidence = value;
            return this;
        }

        public Builder faceYaw(String value) {
            this.faceYaw = value;
            return this;
        }

        public Builder facePitch(String value) {
            this.facePitch = value;
            return this;
        }

        public Builder faceRoll(String value) {
            this.faceRoll = value;
            return this;
        }

        public Builder faceBrightness(String value) {
            this.faceBrightness = value;
            return this;
        }

        public Builder faceSharpness(String value) {
            this.faceSharpness = value;
            return this;
        }

        public Builder faceEyesOpen(String value) {
            this.faceEyesOpen = value;
            return this;
        }

        public Builder faceSunglasses(String value) {
            this.faceSunglasses = value;
            return this;
        }

        public Builder policy(String value) {
            this.policy = value;
            return this;
        }

        public Builder subjectId(String value) {
            this.subjectId = value;
            return this;
        }

        public Builder referenceKey(String value) {
            this.referenceKey = value;
            return this;
        }

        public Builder referenceVersionId(String value) {
            this.referenceVersionId = value;
            return this;
        }

        public Builder referenceSha256(String value) {
            this.referenceSha256 = value;
            return this;
        }

        public Builder similarity(String value) {
            this.similarity = value;
            return this;
        }

        public Builder similarityThreshold(String value) {
            this.similarityThreshold = value;
            return this;
        }

        public Builder decidedAt(String value) {
            this.decidedAt = value;
            return this;
        }

        public Builder decidedAtEpochMillis(String value) {
            this.decidedAtEpochMillis = value;
            return this;
        }

        public Builder requestId(String value) {
            this.requestId = value;
            return this;
        }

        public Builder functionVersion(String value) {
            this.functionVersion = value;
            return this;
        }

        public Builder schemaVersion(String value) {
            this.schemaVersion = value;
            return this;
        }

        public Builder sealPeriod(String value) {
            this.sealPeriod = value;
            return this;
        }

        public Builder signingKeyId(String value) {
            this.signingKeyId = value;
            return this;
        }

        public Builder signature(String value) {
            this.signature = value;
            return this;
        }

        public AuditRecord build() {
            return new AuditRecord(this);
        }
    }
}
