package com.biometriclogger.config;

/** A setting is missing or invalid; the message names every offending variable. */
public final class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }
}
