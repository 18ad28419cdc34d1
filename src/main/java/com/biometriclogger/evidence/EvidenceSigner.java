package com.biometriclogger.evidence;

/**
 * Signs canonical evidence with ECDSA P-256 / SHA-256 (DER-encoded signature). In AWS the private
 * key never leaves KMS; locally it is a key file marked as a local test key.
 */
public interface EvidenceSigner {

    /** Recorded in every signed item, so a verifier can refuse items signed by any other key. */
    String keyId();

    byte[] sign(byte[] message);
}
