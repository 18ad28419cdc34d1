package com.biometriclogger.local.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.zip.ZipFile;

/** The deployment zip {@code mvn package} builds, unpacked as Lambda unpacks it into /var/task. */
final class LambdaZip {

    static final Path ZIP = Path.of("target/biometric-logger-lambda.zip");

    private LambdaZip() {
    }

    static void requireBuilt(String command) {
        if (!Files.isRegularFile(ZIP)) {
            throw new IllegalStateException(ZIP + " is missing: run `" + command + "`");
        }
    }

    static long bytes() throws IOException {
        return Files.size(ZIP);
    }

    static long jars() throws IOException {
        try (var archive = new ZipFile(ZIP.toFile())) {
            return Collections.list(archive.entries()).stream().filter(e -> e.getName().endsWith(".jar")).count();
        }
    }

    /** Unpacks into {@code target} (emptied first) and returns its absolute path; {@code lib/} holds the jars. */
    static Path unpack(Path target) throws IOException {
        if (Files.exists(target)) {
            try (var walk = Files.walk(target)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (var archive = new ZipFile(ZIP.toFile())) {
            for (var entry : Collections.list(archive.entries())) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = archive.getInputStream(entry)) {
                        Files.copy(in, out);
                    }
                }
            }
        }
        return target.toAbsolutePath();
    }
}
