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

    /**
     * What the service answers for a request it will not judge though well-formed: an image under
     * its minimum size, a CompareFaces source without a face. The message is the one the service
     * sends (botocore issue 1366 quotes it for an image under 80 pixels), whatever the cause.
     */
    public static RekognitionError invalidParameter() {
        return new RekognitionError(400, "InvalidParameterException", "Request has invalid parameters");
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
