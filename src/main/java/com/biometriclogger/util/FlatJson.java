package com.biometriclogger.util;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads back a JSON object whose values are all strings: what the evidence's canonical form writes
 * for items and seals. Strict (anything else is refused, with the offset), and small enough that
 * the functions do not ship a JSON library for the one archived line they read.
 */
public final class FlatJson {

    private final String text;
    private int at;

    private FlatJson(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException when the text is not one flat object of strings */
    public static Map<String, String> parse(String text) {
        var reader = new FlatJson(text.strip());
        var object = reader.object();
        if (reader.at != reader.text.length()) {
            throw reader.malformed("text after the object");
        }
        return object;
    }

    private Map<String, String> object() {
        expect('{');
        Map<String, String> object = new LinkedHashMap<>();
        if (peek() == '}') {
            at++;
            return object;
        }
        while (true) {
            String name = string();
            expect(':');
            if (object.put(name, string()) != null) {
                throw malformed("duplicate name " + name);
            }
            char next = next();
            if (next == '}') {
                return object;
            }
            if (next != ',') {
                throw malformed("expected , or }");
            }
        }
    }

    private String string() {
        expect('"');
        var value = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return value.toString();
            }
            if (c < 0x20) {
                throw malformed("control character in a string");
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escape = next();
            switch (escape) {
                case '"', '\\', '/' -> value.append(escape);
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw malformed("short \\u escape");
                    }
                    try {
                        value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    } catch (NumberFormatException e) {
                        throw malformed("bad \\u escape");
                    }
                    at += 4;
                }
                default -> throw malformed("bad escape \\" + escape);
            }
        }
    }

    private void expect(char wanted) {
        if (next() != wanted) {
            throw malformed("expected " + wanted);
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw malformed("unexpected end");
        }
        return text.charAt(at);
    }

    private char next() {
        char c = peek();
        at++;
        return c;
    }

    private IllegalArgumentException malformed(String why) {
        return new IllegalArgumentException("not a flat JSON object of strings at offset " + at + ": " + why);
    }
}
