package com.biometriclogger.local.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What {@code invoke} on every file in {@code events/} must print, as docs/local.md's table of sample events says. */
final class EventFileChecks {

    private EventFileChecks() {
    }

    /** Every file in events/ in one run: each does what docs/local.md's table says, and none prints a stack trace. */
    static void checkEveryEvent(Path project, DocCommandsIT.Run run) {
        Map<String, String> sections = new LinkedHashMap<>();
        String current = null;
        for (String line : run.out().lines().toList()) {
            if (line.startsWith("== ")) {
                current = line.substring(3);
                sections.put(current, "");
            } else if (current != null) {
                sections.merge(current, line + "\n", String::concat);
            }
        }
        try (var files = Files.list(project.resolve("events"))) {
            assertEquals(files.map(f -> "events/" + f.getFileName()).sorted().toList(), List.copyOf(sections.keySet()),
                    "every file in events/ is invoked: " + run.both());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(1, run.status(), "the malformed and foreign events fail the run: " + run.both());
        Map<String, String> expected = Map.ofEntries(
                Map.entry("events/another-bucket.json", "\"reasons\" : [ \"OBJECT_GONE\" ]"),
                Map.entry("events/duplicate-delivery.json", "\"outcome\" : \"DUPLICATE\""),
                Map.entry("events/evidence-changes.json", "\"batchItemFailures\""),
                Map.entry("events/hourly-seal.json", "\"sealedPeriods\""),
                Map.entry("events/key-with-spaces-and-unicode.json", "\"key\" : \"uploads/café front door/Müller ✓ 50%.jpg\""),
                Map.entry("events/malformed-record.json", "has no s3.object"),
                Map.entry("events/eventbridge-object-created.json", "EventBridge event"),
                Map.entry("events/sqs-envelope.json", "SQS message"),
                Map.entry("events/sns-envelope.json", "SNS message"),
                Map.entry("events/object-without-records.json", "without Records"),
                Map.entry("events/array-of-events.json", "not a JSON object"),
                Map.entry("events/non-image.json", "\"reasons\" : [ \"OBJECT_GONE\" ]"),
                Map.entry("events/outside-prefix.json", "\"outcome\" : \"SKIPPED\""),
                Map.entry("events/reference-enrolment.json", "\"key\" : \"references/alice.jpg\""),
                Map.entry("events/s3-test-event.json", "\"results\" : [ ]"),
                Map.entry("events/single-upload.json", "\"outcome\" : \"DUPLICATE\""),
                Map.entry("events/two-records.json", "\"key\" : \"uploads/bob/badge-photo.png\""));
        expected.forEach((file, shows) -> assertTrue(sections.get(file).contains(shows), file + " shows " + shows + ":\n"
                + sections.get(file) + "\n" + run.both()));
        assertEquals(Set.of("events/malformed-record.json", "events/eventbridge-object-created.json", "events/sqs-envelope.json",
                        "events/sns-envelope.json", "events/object-without-records.json", "events/array-of-events.json"),
                sections.entrySet().stream().filter(section -> section.getValue().contains("error: ")).map(Map.Entry::getKey)
                        .collect(Collectors.toSet()), "the events that fail, each with one error line: " + run.both());
        assertFalse(run.err().contains("\tat ") || run.out().contains("\tat "), "no stack trace: " + run.both());
    }
}
