package com.biometriclogger.util;

import java.util.Locale;

/**
 * JSON string literals escaped exactly as RFC 8785 (and ECMAScript's {@code JSON.stringify}) do:
 * the short escapes for quote, backslash, \b \f \n \r \t, {@code \\u00xx} for other control
 * characters, everything else as itself. Log lines and signed evidence share it, so both are
 * JSON any parser reads the same way.
 */
public final class JsonStrings {

    private JsonStrings() {
    }

    public static StringBuilder appendQuoted(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
