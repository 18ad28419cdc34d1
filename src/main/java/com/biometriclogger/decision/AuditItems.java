package com.biometriclogger.decision;

import static com.biometriclogger.decision.AuditAttribute.*;

import com.biometriclogger.util.Numbers;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Turns the facts of one attempt into its stored, string-typed {@link AuditItem}. */
final class AuditItems {

    private AuditItems() {
    }

    /**
     * @param content  empty when the object could not be read
     * @param analysis empty when no faces were detected (rejected input)
     */
    static AuditItem of(UploadedImage image, Optional<ImageContent> content, Optional<FaceAnalysis> analysis,
                        Verdict verdict, PolicyThresholds thresholds, IdentityFacts identity, Invocation invocation,
                        Instant decidedAt) {
        Map<AuditAttribute, String> item = new EnumMap<>(AuditAttribute.class);
        var object = image.object();
        item.put(ATTEMPT_ID, object.attemptId());
        item.put(BUCKET, object.bucket());
        item.put(OBJECT_KEY, object.key());
        item.put(VERSION_ID, object.versionId());
        item.put(E_TAG, object.eTag());
        item.put(SEQUENCER, orEmpty(image.sequencer()));
        item.put(SIZE_BYTES, Long.toString(content.map(ImageContent::size).orElse(image.size())));
        item.put(SHA256, content.flatMap(ImageContent::sha256).orElse(""));
        item.put(IMAGE_FORMAT, content.flatMap(c -> ImageFormat.sniff(c.head())).map(Enum::name).orElse(""));
        item.put(DECISION, verdict.decision().name());
        item.put(REASONS, verdict.reasons().stream().map(Enum::name).collect(Collectors.joining(",")));
        item.put(POLICY, thresholds.canonical());
        item.put(DECIDED_AT, decidedAt.toString());
        item.put(DECIDED_AT_EPOCH_MILLIS, Long.toString(decidedAt.toEpochMilli()));
        item.put(REQUEST_ID, orEmpty(invocation.requestId()));
        item.put(FUNCTION_VERSION, orEmpty(invocation.functionVersion()));
        item.put(SCHEMA_VERSION, AuditItem.SCHEMA_VERSION);
        putFaceFigures(item, analysis);
        putIdentity(item, identity);
        var stored = new TreeMap<String, String>();
        item.forEach((attribute, value) -> stored.put(attribute.stored(), value));
        return AuditItem.of(stored);
    }

    private static void putIdentity(Map<AuditAttribute, String> item, IdentityFacts identity) {
        var reference = identity.reference();
        item.put(SUBJECT_ID, identity.subjectId());
        item.put(REFERENCE_KEY, reference.map(EnrolledReference::key).orElse(""));
        item.put(REFERENCE_VERSION_ID, reference.map(r -> orEmpty(r.versionId())).orElse(""));
        item.put(REFERENCE_SHA256, reference.map(r -> orEmpty(r.sha256())).orElse(""));
        item.put(SIMILARITY, identity.similarity().map(Numbers::plain).orElse(""));
        item.put(SIMILARITY_THRESHOLD, identity.thresholds().map(t -> Numbers.plain(t.match())).orElse(""));
        // Only while the band is on: with it off, items stay exactly as they were before the band existed.
        identity.thresholds().filter(SimilarityThresholds::reviewBandOn)
                .ifPresent(t -> item.put(REVIEW_THRESHOLD, Numbers.plain(t.review())));
    }

    /** Records the judged face's figures so the decision can be re-derived from the item alone. */
    private static void putFaceFigures(Map<AuditAttribute, String> item, Optional<FaceAnalysis> analysis) {
        var face = analysis.flatMap(FaceAnalysis::primaryFace);
        item.put(FACE_COUNT, analysis.map(a -> Integer.toString(a.faceCount())).orElse(""));
        item.put(TOP_CONFIDENCE, face.map(f -> Numbers.plain(f.confidence())).orElse(""));
        putFigure(item, FACE_YAW, face, f -> Numbers.plainOrEmpty(f.yaw()));
        putFigure(item, FACE_PITCH, face, f -> Numbers.plainOrEmpty(f.pitch()));
        putFigure(item, FACE_ROLL, face, f -> Numbers.plainOrEmpty(f.roll()));
        putFigure(item, FACE_BRIGHTNESS, face, f -> Numbers.plainOrEmpty(f.brightness()));
        putFigure(item, FACE_SHARPNESS, face, f -> Numbers.plainOrEmpty(f.sharpness()));
        putFigure(item, FACE_EYES_OPEN, face, f -> booleanOrEmpty(f.eyesOpen()));
        putFigure(item, FACE_SUNGLASSES, face, f -> booleanOrEmpty(f.sunglasses()));
        item.put(FACE_BOXES, analysis.map(a -> FaceBox.recorded(a.judgedFirst().stream()
                .map(f -> Optional.ofNullable(f.box())).toList())).orElse(""));
    }

    private static void putFigure(Map<AuditAttribute, String> item, AuditAttribute attribute, Optional<DetectedFace> face,
                                  Function<DetectedFace, String> figure) {
        item.put(attribute, face.map(figure).orElse(""));
    }

    private static String booleanOrEmpty(@Nullable Boolean value) {
        return value == null ? "" : value.toString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
