package com.biometriclogger.decision;

import java.util.Optional;

/**
 * The bytes of one pinned object version as read from storage.
 *
 * @param sha256 hex SHA-256 of every byte read; empty when the object was too large to read
 * @param size   the object's size in bytes as storage reported it
 * @param head   the first bytes (up to {@link #HEAD_LENGTH}), for recognising the format
 * @param bytes  the whole object when it is small enough to send inline
 */
@SuppressWarnings("ArrayRecordComponent") // never compared or hashed: copying megabytes for value equality buys nothing
public record ImageContent(Optional<String> sha256, long size, byte[] head, Optional<byte[]> bytes) {

    /** Enough for the magic bytes and a PNG's IHDR dimensions. */
    public static final int HEAD_LENGTH = 32;

    public static ImageContent notRead(long size) {
        return new ImageContent(Optional.empty(), size, new byte[0], Optional.empty());
    }

    public boolean hasBytes() {
        return bytes.isPresent();
    }

    /** Never prints the bytes: they are biometric data. */
    @Override
    public String toString() {
        return "ImageContent[sha256=" + sha256 + ", size=" + size + ", inline=" + hasBytes() + "]";
    }
}
