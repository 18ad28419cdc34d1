package com.biometriclogger.local.facebackend;

import java.awt.image.BufferedImage;

/**
 * An image the local endpoint received and decoded completely, as the service does before any
 * model looks at it: the bytes (what recorded answers are keyed by) and the pixels (what the
 * models read), decoded once per request.
 */
@SuppressWarnings("ArrayRecordComponent") // never compared: one request's image, read and dropped
public record DecodedImage(byte[] bytes, BufferedImage pixels) {

    /** Refuses what the service refuses: anything but a JPEG or PNG that decodes completely. */
    public static DecodedImage of(byte[] bytes) throws RekognitionError {
        return new DecodedImage(bytes, ImageDecoding.decode(bytes));
    }
}
