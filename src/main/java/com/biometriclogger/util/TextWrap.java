package com.biometriclogger.util;

/** Text for a terminal: lines broken between words so that none is longer than 100 columns. */
public final class TextWrap {

    /** Every line printed for people is at most this many columns: a terminal split in two still shows it whole. */
    public static final int MAX_COLUMNS = 100;

    private TextWrap() {
    }

    /**
     * @param first  what the first line starts with
     * @param indent what each continuation line starts with
     * @return the lines joined by {@code \n}, without a final one; a word longer than a line stays whole
     */
    public static String wrap(String first, String indent, String text) {
        var out = new StringBuilder(first);
        int lineStart = 0;
        boolean lineEmpty = true;
        for (String word : text.split(" ", -1)) {
            if (!lineEmpty && out.length() - lineStart + 1 + word.length() > MAX_COLUMNS) {
                out.append('\n');
                lineStart = out.length();
                out.append(indent);
                lineEmpty = true;
            }
            if (!lineEmpty) {
                out.append(' ');
            }
            out.append(word);
            lineEmpty = false;
        }
        return out.toString();
    }
}
