package com.biometriclogger.report;

/** One image as the page shows it: a small re-encoded picture, or why there is none. */
sealed interface Thumbnail {

    /** @param dataUrl a {@code data:image/jpeg} URL (the page loads nothing else) */
    record Shown(String dataUrl, int width, int height) implements Thumbnail {
    }

    /** @param why a sentence the page shows in the picture's place */
    record NotShown(String why) implements Thumbnail {
    }
}
