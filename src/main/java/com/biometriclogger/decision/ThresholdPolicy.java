package com.biometriclogger.decision;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Judges the faces found in an image against {@link PolicyThresholds}. Pure: no I/O, no clock.
 *
 * <p>Exactly one face must be present. With several faces every check still runs on the most
 * confident one, so the audit item lists every reason at once. An attribute the detector did not
 * report fails its check with an {@code *_UNKNOWN} reason (fail closed) unless that check is off.
 */
public final class ThresholdPolicy {

    private final PolicyThresholds thresholds;

    public ThresholdPolicy(PolicyThresholds thresholds) {
        this.thresholds = thresholds;
    }

    public PolicyThresholds thresholds() {
        return thresholds;
    }

    public boolean needsEyesOpen() {
        return thresholds.requireEyesOpen();
    }

    public boolean needsSunglasses() {
        return thresholds.rejectSunglasses();
    }

    public Verdict judge(FaceAnalysis analysis) {
        var face = analysis.primaryFace();
        if (face.isEmpty()) {
            return Verdict.fromFailedChecks(List.of(ReasonCode.NO_FACE));
        }
        List<ReasonCode> failed = new ArrayList<>();
        if (analysis.faceCount() > 1) {
            failed.add(ReasonCode.MULTIPLE_FACES);
        }
        checkFace(face.get(), failed);
        return Verdict.fromFailedChecks(failed);
    }

    private void checkFace(DetectedFace face, List<ReasonCode> failed) {
        if (face.confidence() < thresholds.minConfidence()) {
            failed.add(ReasonCode.LOW_CONFIDENCE);
        }
        checkPose(face, failed);
        checkQuality(face, failed);
        if (thresholds.requireEyesOpen()) {
            if (face.eyesOpen() == null) {
                failed.add(ReasonCode.EYES_OPEN_UNKNOWN);
            } else if (!face.eyesOpen()) {
                failed.add(ReasonCode.EYES_CLOSED);
            }
        }
        if (thresholds.rejectSunglasses()) {
            if (face.sunglasses() == null) {
                failed.add(ReasonCode.SUNGLASSES_UNKNOWN);
            } else if (face.sunglasses()) {
                failed.add(ReasonCode.SUNGLASSES);
            }
        }
    }

    private void checkPose(DetectedFace face, List<ReasonCode> failed) {
        Outcome yaw = withinAngle(face.yaw(), thresholds.maxYaw());
        Outcome pitch = withinAngle(face.pitch(), thresholds.maxPitch());
        Outcome roll = withinAngle(face.roll(), thresholds.maxRoll());
        if (yaw == Outcome.UNKNOWN || pitch == Outcome.UNKNOWN || roll == Outcome.UNKNOWN) {
            failed.add(ReasonCode.POSE_UNKNOWN);
        }
        if (yaw == Outcome.FAIL || pitch == Outcome.FAIL || roll == Outcome.FAIL) {
            failed.add(ReasonCode.POSE_OUT_OF_RANGE);
        }
    }

    private void checkQuality(DetectedFace face, List<ReasonCode> failed) {
        Outcome brightness = atLeast(face.brightness(), thresholds.minBrightness());
        Outcome sharpness = atLeast(face.sharpness(), thresholds.minSharpness());
        if (brightness == Outcome.UNKNOWN || sharpness == Outcome.UNKNOWN) {
            failed.add(ReasonCode.QUALITY_UNKNOWN);
        }
        if (brightness == Outcome.FAIL) {
            failed.add(ReasonCode.LOW_BRIGHTNESS);
        }
        if (sharpness == Outcome.FAIL) {
            failed.add(ReasonCode.LOW_SHARPNESS);
        }
    }

    private static Outcome withinAngle(@Nullable Float value, float max) {
        if (max >= PolicyThresholds.ANGLE_CHECK_OFF) {
            return Outcome.PASS;
        }
        if (value == null) {
            return Outcome.UNKNOWN;
        }
        return Math.abs(value) <= max ? Outcome.PASS : Outcome.FAIL;
    }

    private static Outcome atLeast(@Nullable Float value, float min) {
        if (min <= PolicyThresholds.QUALITY_CHECK_OFF) {
            return Outcome.PASS;
        }
        if (value == null) {
            return Outcome.UNKNOWN;
        }
        return value >= min ? Outcome.PASS : Outcome.FAIL;
    }

    private enum Outcome { PASS, FAIL, UNKNOWN }
}
