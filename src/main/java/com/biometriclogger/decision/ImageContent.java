package com.biometriclogger.decision;

/**
 * The bytes of one pinned object version as read from storage.
 *
 * @param sha256 hex SHA-256 of every byte read, or {@code null} when the object was too large to read
 * @param size   the object's size in bytes as storage reported it
 * @param head   the first bytes (up to {@link #HEAD_LENGTH}), for recognising the format
 * @param bytes  the whole object when it is small enough to send inline, else {@code null}
 */
public record ImageContent(String sha256, long size, byte[] head, byte[] bytes) {

    /** Enough for the magic bytes and a PNG's IHDR dimensions. */
    public static final int HEAD_LENGTH = 32;

    public static ImageContent notRead(long size) {
        return new ImageContent(null, size, new byte[0], null);
    }

    public boolean hasBytes() {
        return bytes != null;
    }

    /** Never prints the bytes: they are biometric data. */
    @Override
    public String toString() {
        return "ImageContent[sha256=" + sha256 + ", size=" + size + ", inline=" + hasBytes() + "]";
    }
}
