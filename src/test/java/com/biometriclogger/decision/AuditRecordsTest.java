package com.biometriclogger.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditRecordsTest {

    private static final UploadedImage UPLOAD = new UploadedImage("ObjectCreated:Put", "bucket",
            "uploads/a b.jpg", "v1", "etag", 1234, "seq");
    private static final Invocation INVOCATION = new Invocation("req-1", "7");
    private static final Instant DECIDED = Instant.parse("2026-05-03T08:14:00.250Z");

    @Test
    void aJudgedImageRecordsItsFiguresAsPlainStrings() {
        var content = new ImageContent("ab".repeat(32), 1234, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, null);
        var face = new DetectedFace(99.99846f, -12.5f, 0.000012f, 1e-7f, 78f, 100f, true, false);
        var analysis = new FaceAnalysis(List.of(face));
        var verdict = new Verdict(Decision.UNAUTHORIZED, List.of(ReasonCode.LOW_SHARPNESS, ReasonCode.EYES_CLOSED));

        var record = AuditRecords.of(UPLOAD, content, analysis, verdict, PolicyThresholds.defaults(), null, INVOCATION, DECIDED);

        assertEquals(UPLOAD.idempotencyKey(), record.attemptId());
        assertEquals("uploads/a b.jpg", record.objectKey());
        assertEquals("1234", record.sizeBytes());
        assertEquals("JPEG", record.imageFormat());
        assertEquals("UNAUTHORIZED", record.decision());
        assertEquals("LOW_SHARPNESS,EYES_CLOSED", record.reasons());
        assertEquals("1", record.faceCount());
        assertEquals("99.99846", record.topConfidence());
        assertEquals("-12.5", record.faceYaw());
        assertEquals("0.000012", record.facePitch());
        assertEquals("0.0000001", record.faceRoll());
        assertEquals("100", record.faceSharpness());
        assertEquals("2026-05-03T08:14:00.250Z", record.decidedAt());
        assertEquals("1777796040250", record.decidedAtEpochMillis());
        assertEquals("req-1", record.requestId());
        assertEquals("7", record.functionVersion());
        assertEquals(AuditRecord.SCHEMA_VERSION, record.schemaVersion());
    }

    @Test
    void aRejectionBeforeAnyReadRecordsEmptyFiguresNotNulls() {
        var record = AuditRecords.of(UPLOAD, null, null, Verdict.rejected(ReasonCode.OBJECT_GONE),
                PolicyThresholds.defaults(), null, INVOCATION, DECIDED);

        assertEquals("REJECTED", record.decision());
        assertEquals("OBJECT_GONE", record.reasons());
        assertEquals("", record.sha256());
        assertEquals("", record.imageFormat());
        assertEquals("", record.faceCount());
        assertEquals("", record.topConfidence());
        assertEquals("1234", record.sizeBytes());
    }
}
