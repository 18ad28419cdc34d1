package com.biometriclogger.handler;

/** The event is not an S3 notification this function can read; the message names what arrived. */
public final class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
