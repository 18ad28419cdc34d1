package com.biometriclogger.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of the front page, the community files and docs/ leads somewhere: the file exists
 * and, when the link names a section, that file has a heading with GitHub's anchor for it. The depth of
 * the README moved into pages that link into each other by section, and a renamed heading would
 * otherwise break them silently.
 */
class DocLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```");

    @Test
    void everyRelativeLinkLeadsToAFileAndASectionThatExist() throws IOException {
        List<Path> pages = pages();
        assertTrue(pages.size() >= 10, "README, the community files and the docs pages: " + pages);
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            for (String link : links(page)) {
                checked++;
                String target = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
                Path file = target.isEmpty() ? page : page.resolveSibling(target).normalize();
                if (!Files.exists(file)) {
                    broken.add(page + ": " + link + " (no file " + file + ")");
                } else if (link.contains("#") && !anchors(file).contains(link.substring(link.indexOf('#') + 1))) {
                    broken.add(page + ": " + link + " (no such heading in " + file + ")");
                }
            }
        }
        assertTrue(checked >= 40, "the pages link into each other: " + checked + " links");
        assertEquals(List.of(), broken, "links that lead nowhere");
    }

    @Test
    void anchorsAreGitHubs() {
        assertEquals("options-targetbinlocal---help", anchor("Options (`target/bin/local --help`)"));
        assertEquals("erasing-a-subjects-data-on-request", anchor("Erasing a subject's data on request"));
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            return Stream.concat(Stream.of("README.md", "SECURITY.md", "CONTRIBUTING.md", "CHANGELOG.md").map(Path::of),
                    docs.filter(p -> p.toString().endsWith(".md")).sorted()).toList();
        }
    }

    /** Links to files of this repository: not to the web, not to a mail address. */
    private static List<String> links(Path page) throws IOException {
        String text = FENCE.matcher(Files.readString(page)).replaceAll("");
        return LINK.matcher(text).results().map(m -> m.group(1)).filter(link -> !link.matches("^[a-z]+:.*")).toList();
    }

    private static Set<String> anchors(Path file) {
        try {
            String text = FENCE.matcher(Files.readString(file)).replaceAll("");
            return HEADING.matcher(text).results().map(m -> anchor(m.group(1))).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen. */
    static String anchor(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
