package com.biometriclogger.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.biometriclogger.cli.VerifyCommand;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's {@code --serve} walkthrough with the real awscli: {@code aws s3 cp}, then
 * {@code aws dynamodb scan}. Skipped, visibly, where no {@code aws} command is installed.
 */
class ServeFlowIT {

    @TempDir
    Path work;

    @Test
    void anImageCopiedWithAwsCliIsJudgedShowsUpInAwsDynamodbScanAndAnEditRaisesAnAlertAndShowsInVerify() throws Exception {
        assumeTrue(awsCliInstalled(), "SKIPPED: the --serve walkthrough needs the aws CLI on PATH (apt-get install awscli)");
        var ports = new LocalStack.Ports(FreePort.pick(), FreePort.pick(), FreePort.pick(), FreePort.pick());
        try (var session = ServeSession.start(ports, null, false, System.out)) {
            String instructions = LocalMain.serveInstructions(session.stack(), false);
            List<String> copies = commandLines(instructions, "aws s3 cp");
            String scan = commandLines(instructions, "aws dynamodb scan").get(0);
            Files.write(work.resolve("me.jpg"), FaceModelEndpointIT.sample("astronaut.jpg"));

            List<String> delivered = new ArrayList<>();
            for (String copy : copies) {
                aws(copy);
                int before = delivered.size();
                for (int i = 0; i < 50 && delivered.size() == before; i++) {
                    delivered.addAll(session.deliverNewUploads());
                    Thread.sleep(100);
                }
            }
            JsonNode items = new ObjectMapper().readTree(aws(scan)).path("Items");

            assertEquals(List.of("references/me.jpg  AUDITED  ENROLLED []", "uploads/me/1.jpg  AUDITED  AUTHORIZED []"),
                    delivered);
            assertEquals(2, items.size());
            var upload = items.get(0).path("objectKey").path("S").asText().startsWith("uploads/") ? items.get(0) : items.get(1);
            assertEquals("AUTHORIZED", upload.path("decision").path("S").asText());
            assertEquals("me", upload.path("subjectId").path("S").asText());
            assertTrue(Float.parseFloat(upload.path("similarity").path("S").asText()) > 99.9f, upload.toString());
            assertEquals("608de74f5f29e464d80cbeeb885fb03b9cb10b7c98623a4a57e8d808cd5e3b26",
                    upload.path("sha256").path("S").asText());

            // The printed verify command, then the same after an edit through the awscli.
            String verifyArgs = commandLines(instructions, "mvn -q compile exec:java@verify").get(0)
                    .replaceFirst("^.*-Dexec.args=\"", "").replaceFirst("\"$", "") + " --no-progress";
            var env = session.stack().functionEnvironment(LocalMain.BUCKET, LocalMain.TABLE);
            assertEquals(0, VerifyCommand.run(verifyArgs.split(" "), env, new PrintStream(OutputStream.nullOutputStream()),
                    System.err));
            String attemptId = upload.path("attemptId").path("S").asText();
            aws(scan.replace("scan", "update-item").replace("--table-name", "--key '{\"attemptId\":{\"S\":\"" + attemptId
                    + "\"}}' --update-expression 'SET decision = :d' --expression-attribute-values "
                    + "'{\":d\":{\"S\":\"UNAUTHORIZED\"}}' --table-name"));
            List<String> alerts = new ArrayList<>();
            for (int i = 0; i < 50 && alerts.isEmpty(); i++) {
                alerts.addAll(session.raisedAlerts());
                Thread.sleep(100);
            }
            assertEquals(List.of("ALERT UNEXPECTED_MODIFY: MODIFY of audit item " + attemptId + " in table " + LocalMain.TABLE
                    + "; changed attributes: decision. Nothing of ours modifies a stored item: run verify (it names the item "
                    + "SIGNATURE_INVALID or CHANGED_AFTER_SEALING) and look the caller up in CloudTrail."), alerts,
                    "--serve prints the alert the change alarm raised for the edit, once");
            assertEquals(List.of(), session.raisedAlerts());
            var report = new ByteArrayOutputStream();
            assertEquals(1, VerifyCommand.run(verifyArgs.split(" "), env, new PrintStream(report, true, StandardCharsets.UTF_8),
                    System.err));
            assertTrue(report.toString(StandardCharsets.UTF_8).contains("SIGNATURE_INVALID        " + attemptId), report.toString());
        }
    }

    /** The printed command lines starting with {@code prefix}, as a user would paste them. */
    private static List<String> commandLines(String instructions, String prefix) {
        var lines = instructions.lines().map(String::strip).filter(line -> line.startsWith(prefix)).toList();
        if (lines.isEmpty()) {
            throw new AssertionError("no '" + prefix + "' line in:\n" + instructions);
        }
        return lines;
    }

    private String aws(String commandLine) throws IOException, InterruptedException {
        var process = new ProcessBuilder("bash", "-c", commandLine)
                .redirectErrorStream(true)
                .directory(work.toFile());
        Map<String, String> env = process.environment();
        env.put("AWS_ACCESS_KEY_ID", LocalStack.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", LocalStack.SECRET_KEY);
        env.put("AWS_DEFAULT_REGION", LocalStack.REGION);
        env.put("AWS_CONFIG_FILE", work.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-credentials").toString());
        var started = process.start();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(started.waitFor(60, TimeUnit.SECONDS), commandLine + " did not finish");
        assertEquals(0, started.exitValue(), commandLine + "\n" + output);
        return output;
    }

    private static boolean awsCliInstalled() {
        try {
            var process = new ProcessBuilder("bash", "-c", "command -v aws").redirectErrorStream(true).start();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
