package com.biometriclogger.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.biometriclogger.decision.DecisionReport.Outcome;
import com.biometriclogger.decision.DecisionReport.RecordResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.slf4j.MDC;

/** The flow alone, its ports mocked: which port is asked what, and what becomes of each record. */
class DecisionFlowTest {

    private static final byte[] JPEG_HEAD = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
    private static final DetectedFace GOOD_FACE = new DetectedFace(99.9f, 1f, 2f, 3f, 80f, 80f, true, false);
    private static final Invocation INVOCATION = new Invocation("req-1", "7");

    private final ImageSource images = mock(ImageSource.class);
    private final FaceAnalyzer faces = mock(FaceAnalyzer.class);
    private final AuditLog auditLog = mock(AuditLog.class);
    private final Identification identification = mock(Identification.class);

    @AfterEach
    void noContextLeaksIntoTheNextInvocation() {
        assertTrue(MDC.getCopyOfContextMap() == null || MDC.getCopyOfContextMap().isEmpty(),
                "MDC left behind: " + MDC.getCopyOfContextMap());
    }

    @Test
    void aGoodFaceIsAuditedAuthorizedWithItsHash() {
        var upload = upload("uploads/alice/a.jpg", "v1");
        givenAGoodFace(upload, "aa");
        when(auditLog.recordOnce(any())).thenReturn(true);

        var report = flow(Identification.DETECT_ONLY).decideAll(List.of(upload), INVOCATION);

        assertEquals(List.of(RecordResult.audited(upload.object(), new Verdict(Decision.AUTHORIZED, List.of()),
                "aa".repeat(32))), report.results());
        var item = recorded();
        assertEquals(Optional.of("AUTHORIZED"), item.get(AuditAttribute.DECISION));
        assertEquals(upload.object().attemptId(), item.attemptId());
        assertEquals(Optional.of("2026-05-03T08:14:00.250Z"), item.get(AuditAttribute.DECIDED_AT));
        assertEquals(Optional.of(""), item.get(AuditAttribute.SUBJECT_ID), "detect-only records no identity");
    }

    @Test
    void aFaultInOneRecordFailsTheInvocationOnlyAfterEveryRecordWasTried() {
        var first = upload("uploads/alice/1.jpg", "v1");
        var broken = upload("uploads/alice/2.jpg", "v2");
        var third = upload("uploads/alice/3.jpg", "v3");
        givenAGoodFace(first, "aa");
        givenAGoodFace(third, "cc");
        when(images.read(broken.object())).thenThrow(new IllegalStateException("S3 503 SlowDown"));
        when(auditLog.recordOnce(any())).thenReturn(true);

        var failure = assertThrows(RetryableDecisionException.class,
                () -> flow(Identification.DETECT_ONLY).decideAll(List.of(first, broken, third), INVOCATION));

        assertEquals(List.of(Outcome.AUDITED, Outcome.FAILED, Outcome.AUDITED),
                failure.report().results().stream().map(RecordResult::outcome).toList());
        assertEquals("IllegalStateException: S3 503 SlowDown", failure.report().results().get(1).detail());
        verify(auditLog, times(2)).recordOnce(any());
    }

    @Test
    void anItemAlreadyWrittenIsADuplicateWithNoDecision() {
        var upload = upload("uploads/alice/a.jpg", "v1");
        givenAGoodFace(upload, "aa");
        when(auditLog.recordOnce(any())).thenReturn(false);

        var result = flow(Identification.DETECT_ONLY).decideAll(List.of(upload), INVOCATION).results().get(0);

        assertEquals(Outcome.DUPLICATE, result.outcome());
        assertNull(result.decision());
        assertEquals("aa".repeat(32), result.sha256());
    }

    @Test
    void anUploadOutsideTheScopeIsSkippedWithoutTouchingAnyPort() {
        var elsewhere = upload("tmp/a.jpg", "v1");

        var result = flow(identification).decideAll(List.of(elsewhere), INVOCATION).results().get(0);

        assertEquals(Outcome.SKIPPED, result.outcome());
        verifyNoInteractions(images, faces, identification, auditLog);
    }

    @Test
    void anObjectGoneIsRecordedRejectedWithoutAskingTheDetector() {
        var upload = upload("uploads/alice/a.jpg", "v1");
        when(images.read(upload.object())).thenThrow(new UnjudgeableImageException(ReasonCode.OBJECT_GONE, "gone", null));
        when(auditLog.recordOnce(any())).thenReturn(true);

        flow(identification).decideAll(List.of(upload), INVOCATION);

        var item = recorded();
        assertEquals(Optional.of("REJECTED"), item.get(AuditAttribute.DECISION));
        assertEquals(Optional.of("OBJECT_GONE"), item.get(AuditAttribute.REASONS));
        assertEquals(Optional.of("10"), item.get(AuditAttribute.SIZE_BYTES), "the event's size, as nothing was read");
        verifyNoInteractions(faces, identification);
    }

    @Test
    void theIdentificationStrategyDecidesAfterThePolicyAndItsFactsAreRecorded() {
        var upload = upload("uploads/alice/a.jpg", "v1");
        givenAGoodFace(upload, "aa");
        var reference = new EnrolledReference(new ObjectVersion("b", "references/alice.jpg", "r1", "e"), "bb".repeat(32));
        when(identification.identify(any(), any(), any())).thenReturn(new Identification.Result(
                new Verdict(Decision.UNAUTHORIZED, List.of(ReasonCode.NO_MATCH)),
                IdentityFacts.compared("alice", reference, Optional.of(12.5f), SimilarityThresholds.matchOnly(95f))));
        when(auditLog.recordOnce(any())).thenReturn(true);

        flow(identification).decideAll(List.of(upload), INVOCATION);

        verify(identification).identify(any(), any(), eq(new Verdict(Decision.AUTHORIZED, List.of())));
        var item = recorded();
        assertEquals(Optional.of("UNAUTHORIZED"), item.get(AuditAttribute.DECISION));
        assertEquals(Optional.of("NO_MATCH"), item.get(AuditAttribute.REASONS));
        assertEquals(Optional.of("12.5"), item.get(AuditAttribute.SIMILARITY));
        assertEquals(Optional.of("r1"), item.get(AuditAttribute.REFERENCE_VERSION_ID));
    }

    @Test
    void aNonImageIsRejectedByTheScreenBeforeAnyDetection() {
        var upload = upload("uploads/alice/notes.jpg", "v1");
        when(images.read(upload.object())).thenReturn(new StoredImage(upload.object(),
                new ImageContent(Optional.of("dd".repeat(32)), 5, "hello".getBytes(StandardCharsets.US_ASCII), Optional.empty())));
        when(auditLog.recordOnce(any())).thenReturn(true);

        flow(identification).decideAll(List.of(upload), INVOCATION);

        assertEquals(Optional.of("UNSUPPORTED_FORMAT"), recorded().get(AuditAttribute.REASONS));
        verify(faces, never()).analyze(any(), any(), anySet());
        verifyNoInteractions(identification);
    }

    @Test
    void anUploadAlreadyAuditedIsNeitherJudgedNorWrittenAgain() {
        var upload = upload("uploads/alice/a.jpg", "v1");
        givenAGoodFace(upload, "aa");
        when(auditLog.contains(upload.object().attemptId())).thenReturn(true);

        var result = flow(identification).decideAll(List.of(upload), INVOCATION).results().get(0);

        assertEquals(RecordResult.duplicate(upload.object(), "aa".repeat(32), RecordResult.FOUND_BEFORE_JUDGING), result);
        verify(faces, never()).analyze(any(), any(), anySet());
        verify(auditLog, never()).recordOnce(any());
        verifyNoInteractions(identification);
    }

    @Test
    void theAttemptIdIsThatOfTheVersionStorageReturned() {
        var withoutVersion = upload("uploads/alice/a.jpg", "");
        var answered = new ObjectVersion("b", "uploads/alice/a.jpg", "v7", "e");
        var content = new ImageContent(Optional.of("aa".repeat(32)), 10, JPEG_HEAD, Optional.empty());
        when(images.read(withoutVersion.object())).thenReturn(new StoredImage(answered, content));
        when(faces.analyze(eq(answered), eq(content), anySet())).thenReturn(new FaceAnalysis(List.of(GOOD_FACE)));
        when(auditLog.recordOnce(any())).thenReturn(true);

        flow(Identification.DETECT_ONLY).decideAll(List.of(withoutVersion), INVOCATION);

        verify(auditLog).contains(answered.attemptId());
        assertEquals(answered.attemptId(), recorded().attemptId());
        assertEquals(Optional.of("v7"), recorded().get(AuditAttribute.VERSION_ID));
    }

    @Test
    void anImageTooLargeToSendInlineFromAnUnversionedBucketIsRejectedUnjudged() {
        var upload = upload("uploads/alice/a.jpg", "");
        when(images.read(upload.object())).thenReturn(new StoredImage(upload.object(),
                new ImageContent(Optional.of("aa".repeat(32)), 6_000_000, JPEG_HEAD, Optional.empty())));
        when(auditLog.recordOnce(any())).thenReturn(true);

        flow(identification).decideAll(List.of(upload), INVOCATION);

        assertEquals(Optional.of("UNVERSIONED_TOO_LARGE"), recorded().get(AuditAttribute.REASONS));
        assertEquals(Optional.of("aa".repeat(32)), recorded().get(AuditAttribute.SHA256));
        verifyNoInteractions(faces, identification);
    }

    @Test
    void aRecordRepeatedInTheEventIsDecidedOnce() {
        var upload = upload("uploads/alice/a.jpg", "v1");
        givenAGoodFace(upload, "aa");
        when(auditLog.recordOnce(any())).thenReturn(true);

        var report = flow(Identification.DETECT_ONLY).decideAll(List.of(upload, upload, upload), INVOCATION);

        assertEquals(List.of(Outcome.AUDITED, Outcome.DUPLICATE, Outcome.DUPLICATE),
                report.results().stream().map(RecordResult::outcome).toList());
        assertEquals("repeats record 0 of this event", report.results().get(2).detail());
        verify(images, times(1)).read(any());
        verify(auditLog, times(1)).recordOnce(any());
    }

    @Test
    void recordsLeftWhenTooLittleTimeRemainsAreNotStartedAndFailTheInvocation() {
        var first = upload("uploads/alice/1.jpg", "v1");
        var second = upload("uploads/alice/2.jpg", "v2");
        var third = upload("uploads/alice/3.jpg", "v3");
        givenAGoodFace(first, "aa");
        when(auditLog.recordOnce(any())).thenReturn(true);
        var remaining = new java.util.ArrayDeque<>(List.of(10_000L, 2_999L));
        var invocation = new Invocation("req-1", "7", remaining::pop);

        var failure = assertThrows(RetryableDecisionException.class,
                () -> flow(Identification.DETECT_ONLY).decideAll(List.of(first, second, third), invocation));

        assertEquals(List.of(Outcome.AUDITED, Outcome.FAILED, Outcome.FAILED),
                failure.report().results().stream().map(RecordResult::outcome).toList());
        assertTrue(failure.report().results().get(2).detail().startsWith(
                "not started: 2999 ms left in the invocation, less than the 3000 ms one record may take"));
        verify(images, times(1)).read(any());
    }

    @Test
    void anUnreadableRecordFailsWhileItsNeighboursAreDecided() {
        var upload = upload("uploads/alice/a.jpg", "v1");
        givenAGoodFace(upload, "aa");
        when(auditLog.recordOnce(any())).thenReturn(true);

        var failure = assertThrows(RetryableDecisionException.class, () -> flow(Identification.DETECT_ONLY)
                .decideAll(List.of(new UnreadableRecord(0, "has no eventName"), upload), INVOCATION));

        assertEquals(List.of(Outcome.FAILED, Outcome.AUDITED),
                failure.report().results().stream().map(RecordResult::outcome).toList());
        assertEquals("1 of 2 records failed and must be retried: record 0 has no eventName", failure.getMessage());
    }

    private DecisionFlow flow(Identification strategy) {
        return new DecisionFlow(new UploadScope(Optional.empty(), "uploads/", Optional.of("references/")), images, faces,
                new ThresholdPolicy(PolicyThresholds.defaults()), strategy, auditLog,
                Clock.fixed(Instant.parse("2026-05-03T08:14:00.250Z"), ZoneOffset.UTC), Duration.ofSeconds(3), Lockout.OFF);
    }

    private void givenAGoodFace(UploadedImage upload, String hashByte) {
        var content = new ImageContent(Optional.of(hashByte.repeat(32)), 10, JPEG_HEAD, Optional.empty());
        when(images.read(upload.object())).thenReturn(new StoredImage(upload.object(), content));
        when(faces.analyze(any(), eq(content), anySet()))
                .thenReturn(new FaceAnalysis(List.of(GOOD_FACE)));
    }

    private AuditItem recorded() {
        var item = ArgumentCaptor.forClass(AuditItem.class);
        verify(auditLog).recordOnce(item.capture());
        return item.getValue();
    }

    private static UploadedImage upload(String key, String versionId) {
        return new UploadedImage("ObjectCreated:Put", new ObjectVersion("b", key, versionId, "e"), 10, "s");
    }
}
