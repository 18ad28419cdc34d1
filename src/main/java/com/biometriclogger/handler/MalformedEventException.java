package com.biometriclogger.handler;

/** The event is not an S3 notification this function can read; the message names what is missing. */
public final class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super("malformed S3 event: " + message);
    }
}
