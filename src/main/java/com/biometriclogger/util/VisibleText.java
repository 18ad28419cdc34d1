package com.biometriclogger.util;

import java.util.Locale;

/**
 * Ledger content is whatever a writer chose: characters that move a cursor, end a line or hide
 * themselves (ESC, CR, U+2028, bidi and zero-width format characters) are shown as {@code \u001b}-style
 * text, wherever people read it (a terminal, a page), so no value can fake a line or hide part of itself.
 */
public final class VisibleText {

    private VisibleText() {
    }

    public static boolean isHidden(int codePoint) {
        return Character.isISOControl(codePoint) || codePoint == 0x2028 || codePoint == 0x2029
                || Character.getType(codePoint) == Character.FORMAT || Character.getType(codePoint) == Character.SURROGATE;
    }

    /** How {@link #of} writes a hidden character. */
    public static void appendEscaped(StringBuilder out, int codePoint) {
        out.append(String.format(Locale.ROOT, "\\u%04x", codePoint));
    }

    public static String of(String value) {
        var out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            if (isHidden(c)) {
                appendEscaped(out, c);
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
