package com.biometriclogger.decision;

import com.biometriclogger.evidence.SealPeriod;
import com.biometriclogger.util.Numbers;
import java.time.Instant;
import java.util.stream.Collectors;

/** Turns the facts of one attempt into the stored, string-typed {@link AuditRecord}. */
final class AuditRecords {

    private AuditRecords() {
    }

    /** @param identity null in detect-only mode: the identity attributes are then empty */
    static AuditRecord of(UploadedImage image, ImageContent content, FaceAnalysis analysis, Verdict verdict,
                          PolicyThresholds thresholds, IdentityFacts identity, Invocation invocation, Instant decidedAt) {
        var record = AuditRecord.builder()
                .attemptId(image.idempotencyKey())
                .bucket(image.bucket())
                .objectKey(image.key())
                .versionId(orEmpty(image.versionId()))
                .eTag(orEmpty(image.eTag()))
                .sequencer(orEmpty(image.sequencer()))
                .sizeBytes(Long.toString(content == null ? image.size() : content.size()))
                .sha256(content == null ? "" : orEmpty(content.sha256()))
                .imageFormat(content == null ? "" : ImageFormat.sniff(content.head()).map(Enum::name).orElse(""))
                .decision(verdict.decision().name())
                .reasons(verdict.reasons().stream().map(Enum::name).collect(Collectors.joining(",")))
                .policy(thresholds.canonical())
                .decidedAt(decidedAt.toString())
                .decidedAtEpochMillis(Long.toString(decidedAt.toEpochMilli()))
                .sealPeriod(SealPeriod.of(decidedAt))
                .requestId(orEmpty(invocation.requestId()))
                .functionVersion(orEmpty(invocation.functionVersion()))
                .schemaVersion(AuditRecord.SCHEMA_VERSION);
        withFaceFigures(record, analysis);
        withIdentity(record, identity);
        return record.build();
    }

    private static void withIdentity(AuditRecord.Builder record, IdentityFacts identity) {
        var reference = identity == null ? null : identity.reference();
        record.subjectId(identity == null ? "" : identity.subjectId())
                .referenceKey(reference == null ? "" : reference.key())
                .referenceVersionId(reference == null ? "" : orEmpty(reference.versionId()))
                .referenceSha256(reference == null ? "" : orEmpty(reference.sha256()))
                .similarity(identity == null ? "" : Numbers.plainOrEmpty(identity.similarity()))
                .similarityThreshold(identity == null ? "" : Numbers.plain(identity.similarityThreshold()));
    }

    /** Records the judged face's figures so the decision can be re-derived from the item alone. */
    private static void withFaceFigures(AuditRecord.Builder record, FaceAnalysis analysis) {
        if (analysis == null) {
            record.faceCount("").topConfidence("").faceYaw("").facePitch("").faceRoll("")
                    .faceBrightness("").faceSharpness("").faceEyesOpen("").faceSunglasses("");
            return;
        }
        record.faceCount(Integer.toString(analysis.faceCount()));
        var face = analysis.primaryFace();
        record.topConfidence(face.map(f -> Numbers.plain(f.confidence())).orElse(""))
                .faceYaw(face.map(f -> Numbers.plainOrEmpty(f.yaw())).orElse(""))
                .facePitch(face.map(f -> Numbers.plainOrEmpty(f.pitch())).orElse(""))
                .faceRoll(face.map(f -> Numbers.plainOrEmpty(f.roll())).orElse(""))
                .faceBrightness(face.map(f -> Numbers.plainOrEmpty(f.brightness())).orElse(""))
                .faceSharpness(face.map(f -> Numbers.plainOrEmpty(f.sharpness())).orElse(""))
                .faceEyesOpen(face.map(f -> booleanOrEmpty(f.eyesOpen())).orElse(""))
                .faceSunglasses(face.map(f -> booleanOrEmpty(f.sunglasses())).orElse(""));
    }

    private static String booleanOrEmpty(Boolean value) {
        return value == null ? "" : value.toString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
