package com.biometriclogger.decision;

/**
 * The deployment, not the upload, is wrong: access denied, a missing bucket or table. Like a
 * transient fault it fails the invocation (so the event is retried and, failing still, lands in
 * the dead-letter queue), but it is logged as what it is, because it needs a fix, not patience.
 */
public final class DeploymentFaultException extends RuntimeException {

    public DeploymentFaultException(String message, Throwable cause) {
        super(message, cause);
    }
}
