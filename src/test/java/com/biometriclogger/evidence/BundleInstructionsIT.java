package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.cli.VerifyCommand;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.LocalEvidence;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.RequiredTools;
import com.biometriclogger.testing.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * VERIFY.md's commands run as written, in the bundle, by a recipient with read access to the
 * deployment's KMS keys (here the local stack's): the fingerprints, the full check, the check of one
 * item by hand.
 */
@ExtendWith(LocalStackExtension.class)
class BundleInstructionsIT {

    @TempDir
    Path dir;

    @Test
    void everyCommandOfTheBundlesInstructionsRunsAsWritten(Scenario scenario) throws Exception {
        RequiredTools.requireOnPath("aws", "the awscli (Debian package awscli), which VERIFY.md's key lookup uses");
        byte[] image = TestImages.jpeg(7400);
        scenario.faces().respond(image, "one-clear-face.json");
        Scenario.invoke(scenario.handler(), S3Events.event(scenario.upload("uploads/alice/selfie.jpg", image)));
        LocalEvidence.sealer(scenario.stack(), scenario.table(), Clock.systemUTC())
                .sealThrough(Instant.now().plus(Duration.ofHours(1)));
        Path bundle = dir.resolve("bundle");
        var sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(0, VerifyCommand.run(LocalEvidence.verifyArguments(scenario.table(), "--export", bundle.toString())
                .toArray(String[]::new), scenario.environment(), sink, sink));

        // Every indented line of VERIFY.md is a command; they run in order, as one recipient's session.
        String script = Files.readAllLines(bundle.resolve("VERIFY.md")).stream().filter(line -> line.startsWith("    "))
                .map(String::strip).collect(Collectors.joining("\n"));
        var process = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).directory(bundle.toFile())
                .redirectErrorStream(true);
        process.environment().putAll(scenario.environment());
        // A recipient's configured CLI has a default region; the awscli reads AWS_DEFAULT_REGION.
        process.environment().put("AWS_DEFAULT_REGION", scenario.environment().get("AWS_REGION"));
        var run = process.start();
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(120, TimeUnit.SECONDS));

        assertEquals(0, run.exitValue(), script + "\n---\n" + out);
        assertTrue(script.contains("python3 verify_bundle.py --expect-item-key \"$ITEM_KEY\" --expect-seal-key \"$SEAL_KEY\" ."),
                script);
        String fingerprint = EvidenceKey.fromPem(Files.readString(bundle.resolve("public-key.pem"))).fingerprint();
        assertTrue(out.contains(fingerprint + "  -"), "openssl's fingerprint of the item key: " + out);
        assertTrue(out.contains("public key sha256:" + fingerprint + " expected"), "the key the recipient looked up: " + out);
        assertTrue(out.contains("RESULT: INTACT"), out);
        assertTrue(out.strip().endsWith("Verified OK"), "the one item checked by hand: " + out);
    }
}
