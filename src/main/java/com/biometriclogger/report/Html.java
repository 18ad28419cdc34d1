package com.biometriclogger.report;

import com.biometriclogger.util.VisibleText;

/**
 * Builds markup where every value is text: ledger content (an object key, an attempt id) is
 * attacker-controlled, so it passes through {@link #text} or an attribute value and is escaped
 * there, never concatenated into markup. Tag and attribute names come from this package only.
 */
final class Html {

    private final StringBuilder page = new StringBuilder(64 * 1024);

    /** Opens {@code name} with attributes given as name, value pairs; the values are escaped. */
    Html open(String name, String... attributes) {
        page.append('<').append(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            page.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
        }
        page.append('>');
        return this;
    }

    Html close(String name) {
        page.append("</").append(name).append('>');
        return this;
    }

    /** An element holding only text. */
    Html element(String name, String text, String... attributes) {
        return open(name, attributes).text(text).close(name);
    }

    Html text(String value) {
        page.append(escape(value));
        return this;
    }

    /** Markup written in this package (a constant, never ledger content). */
    Html markup(String constant) {
        page.append(constant);
        return this;
    }

    @Override
    public String toString() {
        return page.toString();
    }

    /**
     * Escapes the five characters markup gives meaning to, and shows control and invisible format
     * characters as {@code \u001b}-style text, so no value can hide part of itself or fake a line.
     */
    static String escape(String value) {
        var out = new StringBuilder(value.length() + 16);
        value.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (VisibleText.isHidden(c)) {
                        VisibleText.appendEscaped(out, c);
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
