package com.biometriclogger.evidence;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Attempt ids of the real form (64 lowercase hex digits) for fixtures that name their attempts a1, b1, old… */
final class TestIds {

    private TestIds() {
    }

    /**
     * A name of hex digits repeated to 64 ({@code a1} is {@code a1a1…a1}); any other, its UTF-8 bytes in hex
     * padded with zeros. Either way ids sort as their names do, so a test's expected order stays readable.
     */
    static String id(String name) {
        String hex = name.matches("[0-9a-f]+") && 64 % name.length() == 0 ? name.repeat(64 / name.length())
                : HexFormat.of().formatHex(name.getBytes(StandardCharsets.UTF_8));
        return hex + "0".repeat(64 - hex.length());
    }
}
