package com.biometriclogger.local.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.biometriclogger.cli.EraseCommand;
import com.biometriclogger.local.samples.SampleImages;
import com.biometriclogger.local.stack.FreePort;
import com.biometriclogger.local.stack.LocalKms;
import com.biometriclogger.local.stack.LocalStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** {@code --serve} on a {@code --data-dir}, in-process: what it judges at start and what it says when it stops. */
class ServeSessionIT {

    @TempDir
    Path dataDir;

    @Test
    void anUploadMadeWhileServeWasDownIsJudgedAtRestartAndAnUploadInProgressNever() {
        var firstOut = new ByteArrayOutputStream();
        try (var first = start(firstOut)) {
            assertEquals(List.of(), first.judgeExisting(), "an empty bucket");
            assertEquals(List.of("references/me.jpg  ENROLLED"), upload(first, "references/me.jpg"));
            // Given: an upload the stopped --serve never judged, and S3Proxy's temporary name for one in progress.
            first.stack().s3().putObject(b -> b.bucket(LocalMain.BUCKET).key("uploads/me/late.jpg"), RequestBody.fromBytes(jpeg()));
            first.stack().s3().putObject(b -> b.bucket(LocalMain.BUCKET)
                    .key("uploads/me/now.jpg-0b5e4a57-4c1e-4f6e-9a57-3d2b1c0e9f88"), RequestBody.fromBytes(jpeg()));
        }
        assertEquals("stopped the local stack", firstOut.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("stopped")).findFirst().orElseThrow().replaceFirst(" \\(.*", ""));
        assertEquals("kept the bucket, the tables and the keys in " + dataDir + " (--serve --data-dir " + dataDir + " resumes)",
                firstOut.toString(StandardCharsets.UTF_8).strip().lines().reduce((a, b) -> b).orElseThrow());

        try (var second = start(new ByteArrayOutputStream())) {
            // When it starts again on the same directory: the enrolment is audited already, the late upload is judged.
            assertEquals(List.of("in the bucket at start: 2 objects, 1 audited before, 1 judged now", "uploads/me/late.jpg  AUTHORIZED"),
                    second.judgeExisting());
            assertEquals(List.of(), second.deliverNewUploads(), "the temporary key is never an upload");
        }
    }

    @Test
    void erasingASubjectWithoutItemsWarnsThatItHasNone() {
        try (var session = ServeSession.start(anyPorts(), null, false, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8))) {
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();

            int status = EraseCommand.run(new String[] {"--table", LocalMain.TABLE, "--bucket", LocalMain.BUCKET, "--kms-key-id",
                    LocalKms.KEY_ARN, "--commitments", LocalStack.commitmentArchive(LocalMain.TABLE), "--subject", "nobody",
                    "--legal-basis", "test", "--request", "REQ-0"},
                    session.stack().functionEnvironment(LocalMain.BUCKET, LocalMain.TABLE),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

            assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
            assertEquals("erase: warning: subject nobody has no audit items and no images in " + LocalMain.BUCKET
                    + ": check the id (the <subject> of uploads/<subject>/...)\n",
                    err.toString(StandardCharsets.UTF_8).replace("\n  ", " "), "one warning, wrapped to 100 columns");
        }
    }

    private static LocalStack.Ports anyPorts() {
        return new LocalStack.Ports(FreePort.pick(), FreePort.pick(), FreePort.pick(), FreePort.pick(), FreePort.pick());
    }

    private ServeSession start(ByteArrayOutputStream out) {
        return ServeSession.start(anyPorts(), LocalMain.usableDataDir(dataDir), false, new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    private static List<String> upload(ServeSession session, String key) {
        session.stack().s3().putObject(b -> b.bucket(LocalMain.BUCKET).key(key), RequestBody.fromBytes(jpeg()));
        return session.deliverNewUploads();
    }

    private static byte[] jpeg() {
        return SampleImages.named("astronaut.jpg").bytes();
    }
}
