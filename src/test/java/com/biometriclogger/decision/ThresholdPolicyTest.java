package com.biometriclogger.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdPolicyTest {

    private static final ThresholdPolicy DEFAULT_POLICY = new ThresholdPolicy(PolicyThresholds.defaults());

    /** A face that passes every default check comfortably. */
    private static DetectedFace goodFace() {
        return new DetectedFace(99.5f, 3f, -2f, 1f, 70f, 80f, true, false);
    }

    private static Verdict judgeOne(DetectedFace face) {
        return DEFAULT_POLICY.judge(new FaceAnalysis(List.of(face)));
    }

    @Test
    void oneGoodFaceIsAuthorizedWithNoReasons() {
        assertEquals(new Verdict(Decision.AUTHORIZED, List.of()), judgeOne(goodFace()));
    }

    @Test
    void noFaceIsUnauthorizedWithReasonNoFace() {
        assertEquals(new Verdict(Decision.UNAUTHORIZED, List.of(ReasonCode.NO_FACE)),
                DEFAULT_POLICY.judge(new FaceAnalysis(List.of())));
    }

    @Test
    void twoFacesAreUnauthorizedAndTheMostConfidentIsStillChecked() {
        var blurryButSure = new DetectedFace(99.9f, 0f, 0f, 0f, 70f, 5f, true, false);
        var background = new DetectedFace(91f, 0f, 0f, 0f, 70f, 80f, true, false);

        var verdict = DEFAULT_POLICY.judge(new FaceAnalysis(List.of(background, blurryButSure)));

        assertEquals(new Verdict(Decision.UNAUTHORIZED, List.of(ReasonCode.MULTIPLE_FACES, ReasonCode.LOW_SHARPNESS)),
                verdict);
    }

    @ParameterizedTest(name = "confidence {0} → {1}")
    @CsvSource({"90.0, AUTHORIZED", "90.00001, AUTHORIZED", "89.99999, UNAUTHORIZED"})
    void confidenceExactlyAtTheMinimumPasses(float confidence, Decision expected) {
        var face = new DetectedFace(confidence, 0f, 0f, 0f, 70f, 80f, true, false);
        var verdict = judgeOne(face);
        assertEquals(expected, verdict.decision());
        assertEquals(expected == Decision.AUTHORIZED ? List.of() : List.of(ReasonCode.LOW_CONFIDENCE), verdict.reasons());
    }

    @ParameterizedTest(name = "yaw={0} pitch={1} roll={2} → {3}")
    @CsvSource({
            "45, 0, 0, AUTHORIZED", "-45, 0, 0, AUTHORIZED", "45.001, 0, 0, UNAUTHORIZED", "-45.001, 0, 0, UNAUTHORIZED",
            "0, 45, 0, AUTHORIZED", "0, -45, 0, AUTHORIZED", "0, 45.001, 0, UNAUTHORIZED", "0, -45.001, 0, UNAUTHORIZED",
            "0, 0, 45, AUTHORIZED", "0, 0, -45, AUTHORIZED", "0, 0, 45.001, UNAUTHORIZED", "0, 0, -45.001, UNAUTHORIZED",
            "44.999, -44.999, 44.999, AUTHORIZED"})
    void poseAtTheMaximumPassesAndJustBeyondFails(float yaw, float pitch, float roll, Decision expected) {
        var verdict = judgeOne(new DetectedFace(99f, yaw, pitch, roll, 70f, 80f, true, false));
        assertEquals(expected, verdict.decision());
        assertEquals(expected == Decision.AUTHORIZED ? List.of() : List.of(ReasonCode.POSE_OUT_OF_RANGE),
                verdict.reasons());
    }

    @ParameterizedTest(name = "brightness={0} sharpness={1} → {2}")
    @CsvSource({
            "20, 80, ''", "20.001, 80, ''", "19.999, 80, LOW_BRIGHTNESS",
            "70, 20, ''", "70, 20.001, ''", "70, 19.999, LOW_SHARPNESS",
            "19.999, 19.999, LOW_BRIGHTNESS LOW_SHARPNESS"})
    void qualityAtTheMinimumPassesAndJustBelowFails(float brightness, float sharpness, String reasons) {
        var verdict = judgeOne(new DetectedFace(99f, 0f, 0f, 0f, brightness, sharpness, true, false));
        assertEquals(reasons(reasons), verdict.reasons());
    }

    @Test
    void closedEyesAndSunglassesAreEachAReason() {
        var verdict = judgeOne(new DetectedFace(99f, 0f, 0f, 0f, 70f, 80f, false, true));
        assertEquals(List.of(ReasonCode.EYES_CLOSED, ReasonCode.SUNGLASSES), verdict.reasons());
    }

    @Test
    void everyFailingCheckIsListedInAFixedOrder() {
        var verdict = judgeOne(new DetectedFace(50f, 60f, 0f, 0f, 5f, 5f, false, true));
        assertEquals(List.of(ReasonCode.LOW_CONFIDENCE, ReasonCode.POSE_OUT_OF_RANGE, ReasonCode.LOW_BRIGHTNESS,
                ReasonCode.LOW_SHARPNESS, ReasonCode.EYES_CLOSED, ReasonCode.SUNGLASSES), verdict.reasons());
    }

    @Nested
    class WhenTheDetectorDoesNotReportAnAttribute {

        private final DetectedFace sparse = new DetectedFace(99f, null, null, 2f, null, null, null, null);

        @Test
        void eachCheckThatNeedsItFailsClosed() {
            assertEquals(List.of(ReasonCode.POSE_UNKNOWN, ReasonCode.QUALITY_UNKNOWN, ReasonCode.EYES_OPEN_UNKNOWN,
                    ReasonCode.SUNGLASSES_UNKNOWN), judgeOne(sparse).reasons());
        }

        @Test
        void aCheckTurnedOffNoLongerNeedsIt() {
            var off = new ThresholdPolicy(new PolicyThresholds(90f, 180f, 180f, 45f, 0f, 0f, false, false));
            assertEquals(new Verdict(Decision.AUTHORIZED, List.of()), off.judge(new FaceAnalysis(List.of(sparse))));
        }

        @Test
        void rollIsStillEnforcedWhenOnlyYawAndPitchAreOff() {
            var rollOnly = new ThresholdPolicy(new PolicyThresholds(90f, 180f, 180f, 45f, 0f, 0f, false, false));
            var tilted = new DetectedFace(99f, null, null, 46f, null, null, null, null);
            assertEquals(List.of(ReasonCode.POSE_OUT_OF_RANGE), rollOnly.judge(new FaceAnalysis(List.of(tilted))).reasons());
        }
    }

    private static List<ReasonCode> reasons(String names) {
        return names.isBlank() ? List.of()
                : java.util.Arrays.stream(names.trim().split(" ")).map(ReasonCode::valueOf).toList();
    }
}
