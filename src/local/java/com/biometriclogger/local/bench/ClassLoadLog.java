package com.biometriclogger.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A JVM's {@code -Xlog:class+load} output: which classes it loaded, in order, and from where. */
record ClassLoadLog(List<Loaded> classes) {

    static final String FLAG_PREFIX = "-Xlog:class+load=info:file=";

    /** @param source a jar or directory path, {@code jrt:/…}, the CDS/AOT archive, or the defining class of a hidden one */
    record Loaded(String name, String source) {

        /** Lambdas, method handles and proxies: generated at run time, so no list can name them in advance. */
        boolean generated() {
            return name.contains("/0x") || name.contains("$$Lambda") || name.startsWith("jdk.proxy") || name.contains("$Proxy");
        }

        boolean fromJdk() {
            return source.startsWith("jrt:/") || source.contains("shared objects file") || source.contains("AOT cache");
        }
    }

    static ClassLoadLog read(Path log) throws IOException {
        try (var lines = Files.lines(log)) {
            return new ClassLoadLog(lines.filter(line -> line.contains(" source: "))
                    .map(line -> line.substring(line.lastIndexOf(']') + 1).strip())
                    .map(entry -> new Loaded(entry.substring(0, entry.indexOf(' ')),
                            entry.substring(entry.indexOf(" source: ") + " source: ".length()).replaceFirst("^file:", "")))
                    .toList());
        }
    }

    /** The classes loaded after {@code marker} (the first event's, see MarkedHandler). */
    List<Loaded> after(String marker) {
        int index = classes.stream().map(Loaded::name).toList().indexOf(marker);
        if (index < 0) {
            throw new IllegalStateException(marker + " was never loaded: the event did not reach the handler");
        }
        return classes.subList(index + 1, classes.size());
    }

    /** Classes loaded per jar directly under {@code lib}. */
    Map<String, Long> perJar(Path lib) {
        String prefix = lib.toAbsolutePath() + "/";
        return classes.stream().filter(c -> c.source().startsWith(prefix))
                .collect(Collectors.groupingBy(c -> c.source().substring(prefix.length()), TreeMap::new, Collectors.counting()));
    }
}
