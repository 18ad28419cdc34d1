package com.biometriclogger.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine the figures came from, written beside them. */
final class Machine {

    private Machine() {
    }

    static String describe(List<Jdk> jdks) throws IOException {
        String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        return Runtime.getRuntime().availableProcessors() + " cores, " + model + ", "
                + String.join(" and ", jdks.stream().map(j -> j.label() + " (" + j.home() + ")").toList());
    }

    static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
