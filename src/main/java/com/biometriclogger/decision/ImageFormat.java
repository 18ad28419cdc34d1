package com.biometriclogger.decision;

import java.util.Optional;

/** The formats Rekognition accepts, recognised by their magic bytes rather than the key's suffix. */
public enum ImageFormat {
    JPEG(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    @SuppressWarnings("ImmutableEnumChecker") // private, and never written after construction
    private final byte[] magic;

    ImageFormat(byte[] magic) {
        this.magic = magic;
    }

    public static Optional<ImageFormat> sniff(byte[] head) {
        for (ImageFormat format : values()) {
            if (format.matches(head)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    private boolean matches(byte[] head) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
