package com.biometriclogger.report;

import static com.biometriclogger.decision.AuditAttribute.*;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.PolicyThresholds;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One decision as verify read it, for the page: the values as stored (shown as text, whatever they
 * are) and the figures parsed strictly, a figure that is not a finite number simply not drawn.
 *
 * @param signatureHolds whether its signature verified under a trusted item key
 */
record ReportedDecision(Map<String, String> attributes, boolean signatureHolds) {

    ReportedDecision {
        attributes = Map.copyOf(attributes);
    }

    String get(AuditAttribute attribute) {
        return attributes.getOrDefault(attribute.stored(), "");
    }

    String attemptId() {
        return get(ATTEMPT_ID);
    }

    /** The hour it is filed under, as stored. */
    String hour() {
        return get(SEAL_PERIOD);
    }

    List<String> reasons() {
        String reasons = get(REASONS);
        return reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(","));
    }

    Optional<Double> similarity() {
        return figure(SIMILARITY);
    }

    Optional<Double> similarityThreshold() {
        return figure(SIMILARITY_THRESHOLD);
    }

    Optional<Double> confidence() {
        return figure(TOP_CONFIDENCE);
    }

    Optional<Double> figure(AuditAttribute attribute) {
        try {
            double value = Double.parseDouble(get(attribute));
            return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The thresholds it records it was judged by; empty when none are recorded or they do not parse. */
    Optional<PolicyThresholds> thresholds() {
        try {
            return get(POLICY).isEmpty() ? Optional.empty() : Optional.of(PolicyThresholds.parse(get(POLICY)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
