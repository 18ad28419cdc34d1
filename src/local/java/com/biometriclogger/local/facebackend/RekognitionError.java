package com.biometriclogger.local.facebackend;

/** An error the local Rekognition endpoint answers with, in the service's own JSON shape. */
public final class RekognitionError extends Exception {

    private final int status;
    private final String type;

    public RekognitionError(int status, String type, String message) {
        super(message);
        this.status = status;
        this.type = type;
    }

    public static RekognitionError invalidImageFormat(String message) {
        return new RekognitionError(400, "InvalidImageFormatException", message);
    }

    public static RekognitionError imageTooLarge(String message) {
        return new RekognitionError(400, "ImageTooLargeException", message);
    }

    public static RekognitionError throttling() {
        return new RekognitionError(400, "ThrottlingException", "Rate exceeded");
    }

    public static RekognitionError internal() {
        return new RekognitionError(500, "InternalServerError", "Internal server error");
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }
}
