package com.biometriclogger.local.tools;

import com.biometriclogger.local.samples.PhotoTransforms;
import com.biometriclogger.local.samples.SampleImages;
import java.util.ArrayList;
import java.util.List;

/**
 * What the local main job uploads, in order: in VERIFY mode two references are enrolled first,
 * then each outcome the deployed flow can give is shown once. The genuine uploads are strongly
 * transformed copies of the reference photo ({@link PhotoTransforms}), because no second photo
 * of the same person could be shipped; their keys say so.
 */
final class DemoUploads {

    @SuppressWarnings("ArrayRecordComponent") // never compared: each upload is put once
    record Upload(String key, byte[] bytes) {
    }

    private DemoUploads() {
    }

    static List<Upload> verify() {
        byte[] astronaut = SampleImages.named("astronaut.jpg").bytes();
        byte[] hopper = SampleImages.named("grace_hopper.jpg").bytes();
        List<Upload> uploads = new ArrayList<>();
        uploads.add(new Upload("references/astronaut.jpg", astronaut));
        uploads.add(new Upload("references/hopper.jpg", hopper));
        uploads.add(transformed("uploads/astronaut/transformed-mirror.jpg", astronaut, "mirrored, brightness ×1.3, JPEG 0.5"));
        uploads.add(transformed("uploads/astronaut/transformed-rotate.jpg", astronaut, "rotated 8°, 80 % size, darker, JPEG 0.4"));
        uploads.add(transformed("uploads/hopper/transformed-grey.jpg", hopper, "grey-level"));
        uploads.add(new Upload("uploads/astronaut/grace_hopper.jpg", hopper));
        uploads.add(transformed("uploads/carol/transformed-half-size.jpg", astronaut, "half size"));
        for (String other : List.of("camera.jpg", "coffee.jpg", "chelsea.jpg", "notes.jpg")) {
            uploads.add(new Upload("uploads/astronaut/" + other, SampleImages.named(other).bytes()));
        }
        return uploads;
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
