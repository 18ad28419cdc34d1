package com.biometriclogger.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A JDK the benchmark can start functions with: the one running it, and a JDK 25 installed beside it. */
record Jdk(int feature, Path home) {

    private static final Path INSTALLED = Path.of("/usr/lib/jvm");

    static Jdk current() {
        return new Jdk(Runtime.version().feature(), Path.of(System.getProperty("java.home")));
    }

    /** The running JDK, then JDK 25 when one is installed under /usr/lib/jvm (or named by -Dbench.jdk25). */
    static List<Jdk> onThisMachine() throws IOException {
        List<Jdk> jdks = new ArrayList<>(List.of(current()));
        if (current().feature() != 25) {
            jdk25().ifPresent(jdks::add);
        }
        return jdks;
    }

    private static Optional<Jdk> jdk25() throws IOException {
        String named = System.getProperty("bench.jdk25");
        if (named != null) {
            return Optional.of(new Jdk(25, Path.of(named)));
        }
        if (!Files.isDirectory(INSTALLED)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(INSTALLED)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> feature(home) == 25)
                    .sorted()
                    .findFirst()
                    .map(home -> new Jdk(25, home));
        }
    }

    private static int feature(Path home) {
        try {
            return Files.readAllLines(home.resolve("release")).stream()
                    .filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.replaceAll("[^0-9.]", "").split("\\.", -1)[0])
                    .map(Integer::parseInt)
                    .findFirst().orElse(0);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    Path java() {
        return home.resolve("bin/java");
    }

    String label() {
        return "JDK " + feature;
    }
}
