package com.biometriclogger.local.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.local.stack.FreePort;
import com.biometriclogger.testing.RequiredTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/report.md's verify commands, as written, on a fresh {@code --serve} after docs/local.md's two
 * uploads (the reference and the upload of subject {@code me}): each writes its page; the one with
 * {@code --with-images} carries the judged image and the reference with the boxes the function recorded,
 * and says first that it holds biometric data; the other carries no image.
 */
class ReportDocCommandIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path REPORT_PAGE = PROJECT.resolve("docs/report.md");

    @Test
    void theVerifyCommandsOfTheReportPageRunAsWritten() throws Exception {
        RequiredTools.requireOnPath("aws", "the awscli (Debian package awscli), which docs/local.md's uploads use");
        String s3 = Integer.toString(FreePort.pick());
        var serve = ServeProcess.start(PROJECT, "target/bin/local --serve --ports " + String.join(",", s3,
                Integer.toString(FreePort.pick()), Integer.toString(FreePort.pick()), Integer.toString(FreePort.pick()),
                Integer.toString(FreePort.pick())));
        try {
            var env = serve.exportedEnvironment();
            var uploads = DocBlocks.commands(DocCommandsIT.LOCAL_PAGE, DocCommandsIT.LOCAL_SECTION).stream()
                    .filter(c -> c.startsWith("aws s3 cp")).toList();
            assertEquals(2, uploads.size(), "the reference and the upload of subject me");
            for (String upload : uploads) {
                var run = ShellCommand.run(PROJECT, List.of("bash", "-c", upload.replace("127.0.0.1:9000", "127.0.0.1:" + s3)), env);
                assertEquals(0, run.status(), run.err());
            }
            assertEquals("uploads/me/1.jpg  AUTHORIZED", serve.awaitLine("uploads/me/1.jpg  "));

            var commands = DocBlocks.commands(REPORT_PAGE, "## Run it");
            assertEquals(2, commands.size(), "without and with --with-images: " + commands);
            for (String command : commands) {
                var run = ShellCommand.run(PROJECT, List.of("bash", "-c", command), env);
                String page = command.replaceFirst("(?s)^.*--html (\\S+).*$", "$1");
                assertEquals(0, run.status(), "$ " + command + "\n" + run.out() + run.err());
                assertTrue(run.out().strip().endsWith("RESULT: INTACT"), run.out());
                assertEquals("report written to " + PROJECT.resolve(page), run.err().strip(), run.err());
                String html = Files.readString(PROJECT.resolve(page));
                if (command.contains("--with-images")) {
                    assertTrue(html.startsWith("<!-- This page contains biometric data"), html.lines().findFirst().orElse(""));
                    assertEquals(3, count(html, "<image href=\"data:image/jpeg;base64,"),
                            "the reference's row, then the upload and its reference");
                    assertEquals(3, count(html, "<rect class=\"box judged\""), "the box each of the three pictures recorded: " + html);
                } else {
                    assertFalse(html.contains("data:image") || html.contains("biometric data"), html);
                }
            }
        } finally {
            serve.stop();
        }
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
