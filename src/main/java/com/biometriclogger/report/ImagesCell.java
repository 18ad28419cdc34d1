package com.biometriclogger.report;

import static com.biometriclogger.decision.AuditAttribute.*;

import com.biometriclogger.decision.FaceBox;
import com.biometriclogger.decision.ObjectVersion;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code --with-images}: in each decision's row, the judged image version with the face boxes the
 * item records drawn over it (the judged face solid, the others dashed), and the reference it was
 * compared with, with the boxes its own enrolment recorded. The boxes are drawn from the recorded
 * figures, parsed into numbers: a value that does not parse draws nothing and says so.
 */
final class ImagesCell {

    static final String BIOMETRIC_WARNING = "This page contains biometric data: face images of the people it names,"
            + " re-read from the bucket. Keep and share it as you would the images themselves.";
    static final String LIMITS = "Images: the exact version each item records, read with your own credentials, shown only"
            + " when its SHA-256 matches the recorded one, re-encoded as JPEG at most " + ThumbnailImage.MAX_EDGE
            + " px an edge; at most " + Thumbnails.MAX_IMAGES + " images a page.";

    private final Thumbnails thumbnails;
    private final Map<String, ReportedDecision> byAttemptId;

    ImagesCell(Thumbnails thumbnails, List<ReportedDecision> decisions) {
        this.thumbnails = thumbnails;
        this.byAttemptId = decisions.stream()
                .collect(Collectors.toMap(ReportedDecision::attemptId, Function.identity(), (first, second) -> first));
    }

    void write(Html page, ReportedDecision decision) {
        page.open("td", "class", "images");
        var judged = new ObjectVersion(decision.get(BUCKET), decision.get(OBJECT_KEY), decision.get(VERSION_ID),
                decision.get(E_TAG));
        figure(page, "judged", thumbnails.of(judged, decision.get(SHA256)), decision.get(FACE_BOXES));
        if (!decision.get(REFERENCE_KEY).isEmpty()) {
            var reference = new ObjectVersion(decision.get(BUCKET), decision.get(REFERENCE_KEY),
                    decision.get(REFERENCE_VERSION_ID), "");
            var enrolment = Optional.ofNullable(byAttemptId.get(reference.attemptId()));
            figure(page, "reference", thumbnails.of(reference, decision.get(REFERENCE_SHA256)),
                    enrolment.map(e -> e.get(FACE_BOXES)).orElse(""));
        }
        page.close("td");
    }

    private static void figure(Html page, String role, Thumbnail thumbnail, String recordedBoxes) {
        page.open("figure", "class", "shot " + role);
        if (thumbnail instanceof Thumbnail.Shown shown) {
            String width = Integer.toString(shown.width());
            String height = Integer.toString(shown.height());
            page.open("svg", "width", width, "height", height, "viewBox", "0 0 " + width + " " + height, "role", "img",
                    "aria-label", role + " image")
                    .open("image", "href", shown.dataUrl(), "width", width, "height", height).close("image");
            String caption = boxes(page, shown, recordedBoxes);
            page.close("svg").element("figcaption", role + caption);
        } else if (thumbnail instanceof Thumbnail.NotShown notShown) {
            page.element("figcaption", role + " image " + notShown.why(), "class", "dim");
        }
        page.close("figure");
    }

    /** @return what the caption adds about the boxes */
    private static String boxes(Html page, Thumbnail.Shown shown, String recorded) {
        List<Optional<FaceBox>> boxes;
        try {
            boxes = FaceBox.parseAll(recorded);
        } catch (IllegalArgumentException unreadable) {
            return ", face boxes not drawn: the recorded figures do not read";
        }
        for (int i = 0; i < boxes.size(); i++) {
            if (boxes.get(i).isPresent()) {
                var box = boxes.get(i).get();
                page.open("rect", "class", i == 0 ? "box judged" : "box other",
                        "x", pixels(box.left() * shown.width()), "y", pixels(box.top() * shown.height()),
                        "width", pixels(box.width() * shown.width()), "height", pixels(box.height() * shown.height()))
                        .close("rect");
            }
        }
        return boxes.isEmpty() ? ", no face box recorded" : ", " + boxes.size() + (boxes.size() == 1 ? " face box" : " face boxes");
    }

    private static String pixels(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
