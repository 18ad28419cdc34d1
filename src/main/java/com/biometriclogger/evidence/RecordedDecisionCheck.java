package com.biometriclogger.evidence;

import static com.biometriclogger.decision.AuditAttribute.*;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.Decision;
import com.biometriclogger.decision.DetectedFace;
import com.biometriclogger.decision.FaceAnalysis;
import com.biometriclogger.decision.FaceBox;
import com.biometriclogger.decision.PolicyThresholds;
import com.biometriclogger.decision.ReasonCode;
import com.biometriclogger.decision.ThresholdPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Re-judges an audit item from what it records: its {@code policy} applied by {@link ThresholdPolicy}
 * to its face figures, and for a compared upload its similarity against its similarity threshold.
 * Items decided before any figures existed (rejected input, an object gone) have nothing to re-derive.
 */
public final class RecordedDecisionCheck {

    /** @param contradiction what contradicts the recorded decision; empty when it follows from its figures */
    public record Outcome(Optional<String> contradiction) {
        public static final Outcome FOLLOWS = new Outcome(Optional.empty());

        public static Outcome contradicted(String why) {
            return new Outcome(Optional.of(why));
        }
    }

    /**
     * DetectFaces returns at most 100 faces, so no honest item counts more; a larger count is refused
     * before it sizes the list of faces (2147483647 stand-ins would exhaust the heap).
     */
    static final int MAX_FACES = 100;

    private static final EnumSet<ReasonCode> POLICY_REASONS = EnumSet.range(ReasonCode.NO_FACE, ReasonCode.SUNGLASSES_UNKNOWN);

    /** @return empty when the item records no figures to re-derive its decision from */
    public Optional<Outcome> rederive(Map<String, String> item) {
        String faceCount = value(item, FACE_COUNT);
        if (faceCount.isEmpty()) {
            return Optional.empty();
        }
        try {
            int count = (int) CanonicalNumber.parse("faceCount", faceCount, MAX_FACES);
            var boxes = boxesAgainst(item, count);
            if (boxes.isPresent()) {
                return boxes;
            }
            var quality = new ThresholdPolicy(PolicyThresholds.parse(value(item, POLICY))).judge(recordedFaces(item, count));
            return Optional.of(compare(item, quality.reasons()));
        } catch (IllegalArgumentException malformed) {
            return Optional.of(Outcome.contradicted("figures cannot be read: " + malformed.getMessage()));
        }
    }

    /** Items recorded before boxes were have none to hold against the count; from then on, one box entry per face. */
    private static Optional<Outcome> boxesAgainst(Map<String, String> item, int faceCount) {
        if (!item.containsKey(FACE_BOXES.stored())) {
            return Optional.empty();
        }
        int boxes = FaceBox.parseAll(value(item, FACE_BOXES)).size();
        return boxes == faceCount ? Optional.empty()
                : Optional.of(Outcome.contradicted("records " + boxes + " face boxes for a face count of " + faceCount));
    }

    private static Outcome compare(Map<String, String> item, List<ReasonCode> qualityReasons) {
        String decision = value(item, DECISION);
        String reasons = value(item, REASONS);
        var recorded = reasons.isEmpty() ? List.<String>of() : Arrays.asList(reasons.split(","));
        var qualityNames = qualityReasons.stream().map(Enum::name).toList();
        if (decision.equals(Decision.AUTHORIZED.name()) || decision.equals(Decision.ENROLLED.name())) {
            if (!qualityReasons.isEmpty()) {
                return Outcome.contradicted("recorded " + decision + ", but the recorded figures fail " + qualityNames);
            }
            return similarityHolds(item) ? Outcome.FOLLOWS
                    : Outcome.contradicted("recorded AUTHORIZED, but similarity " + value(item, SIMILARITY)
                            + " is under the threshold " + value(item, SIMILARITY_THRESHOLD));
        }
        if (decision.equals(Decision.REVIEW_REQUIRED.name())) {
            return reviewFollows(item, qualityNames, recorded);
        }
        if (!qualityReasons.isEmpty()) {
            return recorded.equals(qualityNames) ? Outcome.FOLLOWS
                    : Outcome.contradicted("recorded " + decision + " " + recorded + ", the recorded figures give " + qualityNames);
        }
        boolean policyReasonRecorded = recorded.stream().anyMatch(RecordedDecisionCheck::isPolicyReason);
        return !recorded.isEmpty() && !policyReasonRecorded ? Outcome.FOLLOWS
                : Outcome.contradicted("recorded " + decision + " " + recorded + ", but the recorded figures pass the policy");
    }

    /** Good faces, one near the reference: the recorded similarity in the recorded review band, under the threshold. */
    private static Outcome reviewFollows(Map<String, String> item, List<String> qualityNames, List<String> recorded) {
        if (!qualityNames.isEmpty()) {
            return Outcome.contradicted("recorded REVIEW_REQUIRED, but the recorded figures fail " + qualityNames);
        }
        if (!recorded.equals(List.of(ReasonCode.NEAR_MATCH.name()))) {
            return Outcome.contradicted("recorded REVIEW_REQUIRED " + recorded + ", which only " + ReasonCode.NEAR_MATCH + " leads to");
        }
        String similarity = value(item, SIMILARITY);
        String band = value(item, REVIEW_THRESHOLD);
        String threshold = value(item, SIMILARITY_THRESHOLD);
        if (similarity.isEmpty() || band.isEmpty() || threshold.isEmpty()) {
            return Outcome.contradicted("recorded REVIEW_REQUIRED without a similarity, a review band and a threshold");
        }
        float value = Float.parseFloat(similarity);
        return value >= Float.parseFloat(band) && value < Float.parseFloat(threshold) ? Outcome.FOLLOWS
                : Outcome.contradicted("recorded REVIEW_REQUIRED, but similarity " + similarity + " is outside the review band "
                        + band + " to " + threshold);
    }

    /** A compared upload is AUTHORIZED only at or above its threshold; enrolments and detect-only items compare nothing. */
    private static boolean similarityHolds(Map<String, String> item) {
        String similarity = value(item, SIMILARITY);
        String threshold = value(item, SIMILARITY_THRESHOLD);
        if (value(item, REFERENCE_KEY).isEmpty()) {
            return true;
        }
        return !similarity.isEmpty() && !threshold.isEmpty() && Float.parseFloat(similarity) >= Float.parseFloat(threshold);
    }

    private static boolean isPolicyReason(String name) {
        try {
            return POLICY_REASONS.contains(ReasonCode.valueOf(name));
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /** The judged (most confident) face as recorded, plus less confident stand-ins for the other faces counted. */
    private static FaceAnalysis recordedFaces(Map<String, String> item, int count) {
        List<DetectedFace> faces = new ArrayList<>();
        if (count > 0) {
            faces.add(new DetectedFace(Float.parseFloat(value(item, TOP_CONFIDENCE)),
                    number(item, FACE_YAW), number(item, FACE_PITCH), number(item, FACE_ROLL),
                    number(item, FACE_BRIGHTNESS), number(item, FACE_SHARPNESS),
                    bool(item, FACE_EYES_OPEN), bool(item, FACE_SUNGLASSES)));
        }
        for (int i = 1; i < count; i++) {
            faces.add(new DetectedFace(-1f, null, null, null, null, null, null, null));
        }
        return new FaceAnalysis(faces);
    }

    private static @Nullable Float number(Map<String, String> item, AuditAttribute attribute) {
        String value = value(item, attribute);
        return value.isEmpty() ? null : Float.parseFloat(value);
    }

    private static @Nullable Boolean bool(Map<String, String> item, AuditAttribute attribute) {
        String value = value(item, attribute);
        return value.isEmpty() ? null : Boolean.parseBoolean(value);
    }

    private static String value(Map<String, String> item, AuditAttribute attribute) {
        return item.getOrDefault(attribute.stored(), "");
    }
}
