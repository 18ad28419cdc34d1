package com.biometriclogger.local.tools;

import com.biometriclogger.local.facebackend.FaceDetectionBackend;
import com.biometriclogger.local.facebackend.FixedComparisons;
import com.biometriclogger.local.samples.PhotoTransforms;
import com.biometriclogger.local.samples.SampleImages;
import java.util.ArrayList;
import java.util.List;

/**
 * What the local main job uploads, in order: in MATCH mode three references of two subjects are
 * enrolled first, then each outcome the deployed flow can give is shown once. The genuine uploads
 * are strongly transformed copies of the reference photo ({@link PhotoTransforms}), because no
 * second photo of the same person could be shipped; their keys say so. The bundled model scores
 * every such copy at about 100, so the two comparisons a borderline figure needs are fixed
 * ({@link #FIXED}), and those keys say so too.
 */
final class DemoUploads {

    @SuppressWarnings("ArrayRecordComponent") // never compared: each upload is put once
    record Upload(String key, byte[] bytes) {
    }

    /** CompareFaces of this reference's bytes with this upload's answers this similarity ({@code FixedComparisons}). */
    record FixedComparison(String referenceKey, String uploadKey, float similarity) {
    }

    /**
     * The review band's upload (between REVIEW_SIMILARITY and MIN_SIMILARITY), and an upload that the
     * subject's first reference does not match, so that the second one decides.
     */
    static final List<FixedComparison> FIXED = List.of(
            new FixedComparison("references/astronaut.jpg", "uploads/astronaut/fixed-similarity.jpg", 90.0f),
            new FixedComparison("references/hopper.jpg", "uploads/hopper/fixed-first-miss.jpg", 12.0f));

    private DemoUploads() {
    }

    static List<Upload> verify() {
        byte[] astronaut = SampleImages.named("astronaut.jpg").bytes();
        byte[] hopper = SampleImages.named("grace_hopper.jpg").bytes();
        List<Upload> uploads = new ArrayList<>();
        uploads.add(new Upload("references/astronaut.jpg", astronaut));
        uploads.add(new Upload("references/hopper.jpg", hopper));
        uploads.add(transformed("references/hopper/mirrored.jpg", hopper, "mirrored"));
        uploads.add(transformed("uploads/astronaut/transformed-mirror.jpg", astronaut, "mirrored, brightness ×1.3, JPEG 0.5"));
        uploads.add(transformed("uploads/astronaut/transformed-rotate.jpg", astronaut, "rotated 8°, 80 % size, darker, JPEG 0.4"));
        uploads.add(transformed("uploads/hopper/transformed-grey.jpg", hopper, "grey-level"));
        uploads.add(transformed("uploads/hopper/fixed-first-miss.jpg", hopper, "blurred (3×3 box)"));
        uploads.add(transformed("uploads/astronaut/fixed-similarity.jpg", astronaut, "brightness ×1.4"));
        uploads.add(new Upload("uploads/astronaut/grace_hopper.jpg", hopper));
        uploads.add(transformed("uploads/carol/transformed-half-size.jpg", astronaut, "half size"));
        // LOCKOUT_FAILURES=2 in the local profile: two failures lock hopper out, so the third upload is not compared.
        uploads.add(new Upload("uploads/hopper/astronaut.jpg", astronaut));
        uploads.add(transformed("uploads/hopper/astronaut-grey.jpg", astronaut, "grey-level"));
        uploads.add(transformed("uploads/hopper/transformed-rotate.jpg", hopper, "rotated 8°, 80 % size, darker, JPEG 0.4"));
        for (String other : List.of("camera.jpg", "coffee.jpg", "chelsea.jpg", "notes.jpg")) {
            uploads.add(new Upload("uploads/astronaut/" + other, SampleImages.named(other).bytes()));
        }
        return uploads;
    }

    /** The demo's face backend: the models, with {@link #FIXED}'s comparisons of these uploads answered as fixed. */
    static FixedComparisons fixing(FaceDetectionBackend models, List<Upload> uploads) {
        var faces = new FixedComparisons(models);
        for (var fixed : FIXED) {
            faces.answer(bytes(uploads, fixed.referenceKey()), bytes(uploads, fixed.uploadKey()), fixed.similarity());
        }
        return faces;
    }

    private static byte[] bytes(List<Upload> uploads, String key) {
        return uploads.stream().filter(upload -> upload.key().equals(key)).findFirst().orElseThrow().bytes();
    }

    /** Every sample once, as a detect-only deployment would judge it. */
    static List<Upload> detectOnly() {
        return SampleImages.load().stream().map(s -> new Upload("uploads/demo/" + s.name(), s.bytes())).toList();
    }

    /** Keys short enough for an 80-column table; docs/local.md lists each key's transform. */
    private static Upload transformed(String key, byte[] photo, String transform) {
        return new Upload(key, PhotoTransforms.named(transform).apply(photo));
    }
}
