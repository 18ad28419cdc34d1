package com.biometriclogger.evidence;

/**
 * Which recorded key ids a trusted key stands for: the KMS key id it was fetched under, or any id
 * for a bare public key (a PEM file), whose id is unknown, so the signature alone decides.
 */
public sealed interface KeyId {

    boolean admits(String recorded);

    /** A key known by its id: items must record exactly this id. */
    record Named(String value) implements KeyId {
        public Named {
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("a named key needs its key id");
            }
        }

        @Override
        public boolean admits(String recorded) {
            return value.equals(recorded);
        }
    }

    /** A bare public key: whatever id an item records, its signature decides. */
    record AnyId() implements KeyId {
        @Override
        public boolean admits(String recorded) {
            return true;
        }
    }
}
