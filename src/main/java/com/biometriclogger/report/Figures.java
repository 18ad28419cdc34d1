package com.biometriclogger.report;

import static com.biometriclogger.decision.AuditAttribute.*;

import com.biometriclogger.decision.PolicyThresholds;
import java.util.Locale;
import java.util.Optional;

/** A decision's recorded figures drawn against the thresholds it records, as text and inline SVG. */
final class Figures {

    /** Pixels for the similarity scale, 0–100. */
    private static final int BAR = 120;

    private Figures() {
    }

    /** A bar for the similarity with a line at the threshold, and both as numbers. */
    static void similarity(Html page, Optional<Double> similarity, Optional<Double> threshold) {
        if (similarity.isEmpty()) {
            page.element("span", "not compared", "class", "dim");
            return;
        }
        double value = clamp(similarity.get());
        boolean passes = threshold.map(t -> similarity.get() >= t).orElse(false);
        page.open("svg", "class", "bar", "width", Integer.toString(BAR + 2), "height", "14",
                "viewBox", "0 0 " + (BAR + 2) + " 14", "role", "img", "aria-label", "similarity");
        page.open("rect", "x", "1", "y", "2", "width", Integer.toString(BAR), "height", "10", "fill", "#e0e0e0").close("rect");
        page.open("rect", "class", "value", "x", "1", "y", "2", "width", number(value * BAR / 100), "height", "10",
                "fill", passes ? "#43a047" : "#e57373").close("rect");
        threshold.ifPresent(t -> page.open("rect", "class", "threshold", "x", number(1 + clamp(t) * BAR / 100 - 1), "y", "0",
                "width", "2", "height", "14", "fill", "#000").close("rect"));
        page.close("svg");
        page.element("div", number(similarity.get()) + threshold.map(t -> (passes ? " \u2265 " : " < ") + number(t))
                .orElse(" (no threshold recorded)"), "class", passes ? "" : "fail");
    }

    static void confidence(Html page, ReportedDecision decision) {
        var confidence = decision.confidence();
        if (confidence.isEmpty()) {
            page.element("span", "no face", "class", "dim");
            return;
        }
        var minimum = decision.thresholds().map(PolicyThresholds::minConfidence);
        boolean passes = minimum.map(m -> confidence.get() >= m).orElse(true);
        page.element("span", number(confidence.get()) + minimum.map(m -> (passes ? " \u2265 " : " < ") + number(m))
                .orElse(""), "class", passes ? "" : "fail");
    }

    static void pose(Html page, ReportedDecision decision) {
        var yaw = decision.figure(FACE_YAW);
        var pitch = decision.figure(FACE_PITCH);
        var roll = decision.figure(FACE_ROLL);
        if (yaw.isEmpty() && pitch.isEmpty() && roll.isEmpty()) {
            page.element("span", "no face", "class", "dim");
            return;
        }
        var thresholds = decision.thresholds();
        boolean passes = thresholds.map(t -> within(yaw, t.maxYaw()) && within(pitch, t.maxPitch())
                && within(roll, t.maxRoll())).orElse(true);
        page.element("span", angle(yaw) + " / " + angle(pitch) + " / " + angle(roll), "class", passes ? "" : "fail");
        thresholds.ifPresent(t -> page.element("div", (passes ? "within \u00b1" : "beyond \u00b1") + limits(t), "class", "dim"));
    }

    /** One limit when all three are the same (the default), else each. */
    private static String limits(PolicyThresholds t) {
        return t.maxYaw() == t.maxPitch() && t.maxPitch() == t.maxRoll() ? number(t.maxYaw()) + "\u00b0"
                : number(t.maxYaw()) + " / \u00b1" + number(t.maxPitch()) + " / \u00b1" + number(t.maxRoll()) + "\u00b0";
    }

    private static boolean within(Optional<Double> angle, float maximum) {
        return angle.map(a -> Math.abs(a) <= maximum).orElse(true);
    }

    private static String angle(Optional<Double> angle) {
        return angle.map(a -> number(a) + "\u00b0").orElse("?");
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(100, value));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
