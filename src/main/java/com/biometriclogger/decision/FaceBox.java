package com.biometriclogger.decision;

import com.biometriclogger.util.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the detector found a face, as Rekognition gives it: fractions of the image's width and height
 * from its top-left corner (a box may reach a little past an edge, so a fraction may be under 0 or over 1).
 */
public record FaceBox(float left, float top, float width, float height) {

    /** Separates the faces in {@link AuditAttribute#FACE_BOXES}. */
    static final String FACE_SEPARATOR = ";";
    /** Stands for a face the detector gave no box for, so the list still counts every face. */
    static final String NO_BOX = "none";

    /** {@code left,top,width,height}, each a plain decimal as every recorded figure. */
    public String canonical() {
        return Numbers.plain(left) + "," + Numbers.plain(top) + "," + Numbers.plain(width) + "," + Numbers.plain(height);
    }

    /** The recorded form of the faces' boxes, in the order given. */
    static String recorded(List<Optional<FaceBox>> boxes) {
        return String.join(FACE_SEPARATOR, boxes.stream().map(box -> box.map(FaceBox::canonical).orElse(NO_BOX)).toList());
    }

    /**
     * Reads {@link AuditAttribute#FACE_BOXES} strictly: one entry per face, each {@value #NO_BOX} or four
     * finite numbers. An empty value records no face.
     *
     * @throws IllegalArgumentException naming what does not read
     */
    public static List<Optional<FaceBox>> parseAll(String recorded) {
        List<Optional<FaceBox>> boxes = new ArrayList<>();
        if (recorded.isEmpty()) {
            return boxes;
        }
        for (String face : recorded.split(FACE_SEPARATOR, -1)) {
            boxes.add(face.equals(NO_BOX) ? Optional.empty() : Optional.of(parse(face)));
        }
        return boxes;
    }

    private static FaceBox parse(String face) {
        String[] parts = face.split(",", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("a face box is left,top,width,height, got '" + face + "'");
        }
        float[] figures = new float[4];
        for (int i = 0; i < 4; i++) {
            try {
                figures[i] = Float.parseFloat(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a face box figure is a number, got '" + parts[i] + "'", e);
            }
            if (!Float.isFinite(figures[i]) || !parts[i].equals(parts[i].strip())) {
                throw new IllegalArgumentException("a face box figure is a finite plain number, got '" + parts[i] + "'");
            }
        }
        return new FaceBox(figures[0], figures[1], figures[2], figures[3]);
    }
}
