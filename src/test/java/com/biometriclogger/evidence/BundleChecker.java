package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.testing.RequiredTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Runs a bundle's own {@code verify_bundle.py} as a recipient would, with python3 and openssl alone. */
public final class BundleChecker {

    /** A finding line: its code, then its subject. */
    private static final Pattern FINDING = Pattern.compile("([A-Z][A-Z_]+) +(.*)");
    /** Where the checker starts a finding's subject (after the code, padded to 24): its chunks go on there. */
    private static final int FINDING_SUBJECT_COLUMN = 25;

    private BundleChecker() {
    }

    public record Run(int status, String out) {

        /** Each finding as {@code CODE subject}, in the order printed; a long subject's chunks, under its start, joined. */
        public List<String> findings() {
            List<String> findings = new ArrayList<>();
            String under = " ".repeat(FINDING_SUBJECT_COLUMN);
            for (String line : out.lines().toList()) {
                var finding = FINDING.matcher(line);
                if (finding.matches()) {
                    findings.add(finding.group(1) + " " + finding.group(2));
                } else if (line.startsWith(under) && !findings.isEmpty()) {
                    findings.set(findings.size() - 1, findings.get(findings.size() - 1) + line.substring(under.length()));
                }
            }
            return findings;
        }

        public String result() {
            return out.strip().lines().reduce((a, b) -> b).orElse("");
        }
    }

    /** The checker, told to expect the keys the bundle was exported with (as its recipient got them out of band). */
    public static Run trustingExportedKeys(Path bundle, String... extra) {
        var args = new ArrayList<String>();
        expectedKeys(bundle).forEach(args::add);
        args.addAll(List.of(extra));
        return run(bundle, args);
    }

    /** {@code --expect-item-key}/{@code --expect-seal-key} for each key file the exporter wrote. */
    public static List<String> expectedKeys(Path bundle) {
        List<String> args = new ArrayList<>();
        try (Stream<Path> files = Files.list(bundle)) {
            for (Path pem : files.filter(f -> f.getFileName().toString().endsWith(".pem")).sorted().toList()) {
                args.add(pem.getFileName().toString().startsWith("seal-") ? "--expect-seal-key" : "--expect-item-key");
                args.add(EvidenceKey.fromPem(Files.readString(pem)).fingerprint());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return args;
    }

    public static Run run(Path bundle, List<String> args) {
        return run(bundle.resolve("verify_bundle.py"), bundle, args);
    }

    public static Run run(Path checker, Path bundle, List<String> args) {
        RequiredTools.requireOnPath("python3", "python3 (Debian package python3) to check a bundle without our code");
        RequiredTools.requireOnPath("openssl", "openssl (Debian package openssl) to check a bundle without our code");
        var command = new ArrayList<>(List.of("python3", checker.toString()));
        command.addAll(args);
        command.add(bundle.toString());
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the checker did not finish");
            return new Run(process.exitValue(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
