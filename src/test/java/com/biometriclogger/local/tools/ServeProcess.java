package com.biometriclogger.local.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** {@code --serve} in the background, its stdout read line by line as it comes. */
final class ServeProcess {
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private ServeProcess(Process process) {
        this.process = process;
        reader = new Thread(() -> {
            try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (IOException | UncheckedIOException ended) {
                // The process stopped and its pipe closed under the reader (lines() wraps that as unchecked): its output is read.
            }
        }, "serve-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code command} as a user's shell would, with SIGINT at its default action (a shell runs
     * a background job with it ignored, and the JVM keeps an ignored SIGINT ignored), so that
     * {@link #interrupt} is Ctrl-C.
     */
    static ServeProcess start(Path project, String command) throws IOException {
        var serve = new ServeProcess(new ProcessBuilder("bash", "-c", "exec env --default-signal=INT " + command)
                .directory(project.toFile())
                .redirectError(project.resolve("target/serve-stderr.log").toFile()).start());
        serve.awaitLine("New uploads are judged as they arrive. Ctrl-C stops the stack.");
        return serve;
    }

    /** The export command as printed, its continuation lines indented by two spaces, as in docs/local.md. */
    String printedExport() {
        int first = 0;
        while (!lines.get(first).strip().startsWith("export ")) {
            first++;
        }
        var export = new StringBuilder(lines.get(first).strip());
        for (int i = first; lines.get(i).endsWith("\\"); i++) {
            export.append("\n  ").append(lines.get(i + 1).strip());
        }
        return export.toString();
    }

    /** Every command printed to paste (the export, awscli, launchers), its continuation lines joined by spaces. */
    List<String> printedCommands() {
        List<String> commands = new ArrayList<>();
        List<String> printed = List.copyOf(lines);
        for (int i = 0; i < printed.size(); i++) {
            String line = printed.get(i).strip();
            if (line.startsWith("export ") || line.startsWith("aws ") || line.startsWith("target/bin/")) {
                var command = new StringBuilder(line);
                for (int next = i; printed.get(next).endsWith("\\"); next++) {
                    command.setLength(command.length() - 1);
                    command.append(printed.get(next + 1).strip());
                }
                commands.add(command.toString().replaceAll(" +", " "));
            }
        }
        return commands;
    }

    /** The lines printed so far that are wider than {@code columns}. */
    List<String> linesOver(int columns) {
        return lines.stream().filter(line -> line.codePointCount(0, line.length()) > columns).toList();
    }

    /** The last {@code count} lines printed, joined by newlines. */
    String lastLines(int count) {
        var printed = List.copyOf(lines);
        return String.join("\n", printed.subList(Math.max(0, printed.size() - count), printed.size()));
    }

    /** The variables the printed export sets: what a user's second shell has after pasting it. */
    Map<String, String> exportedEnvironment() {
        return Pattern.compile("(\\w+)=(\\S+)").matcher(printedExport().replace("\\\n", " ")).results()
                .collect(Collectors.toMap(m -> m.group(1), m -> m.group(2)));
    }

    /** The first printed line that starts with {@code prefix}, waiting up to 60 s for it. */
    String awaitLine(String prefix) {
        return await(prefix, printed -> printed.stream().filter(line -> line.startsWith(prefix)).findFirst());
    }

    /**
     * The first message that starts with {@code prefix} and ends with {@code ending}: a line and the
     * indented lines it was wrapped onto, joined by spaces again.
     */
    String awaitMessage(String prefix, String ending) {
        return await(prefix, printed -> {
            for (int i = 0; i < printed.size(); i++) {
                if (printed.get(i).startsWith(prefix)) {
                    var message = new StringBuilder(printed.get(i));
                    for (int next = i + 1; next < printed.size() && printed.get(next).startsWith("  "); next++) {
                        message.append(' ').append(printed.get(next).strip());
                    }
                    if (message.toString().endsWith(ending)) {
                        return Optional.of(message.toString());
                    }
                }
            }
            return Optional.empty();
        });
    }

    private String await(String prefix, Function<List<String>, Optional<String>> find) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            var found = find.apply(List.copyOf(lines));
            if (found.isPresent()) {
                return found.get();
            }
            if (!process.isAlive()) {
                throw new AssertionError("--serve ended (exit " + process.exitValue() + "):\n" + String.join("\n", lines));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("--serve never printed " + prefix + ":\n" + String.join("\n", lines));
    }

    /**
     * Ctrl-C: SIGINT to the launched JVM (the launcher execs it); its exit status once it has ended
     * (up to 60 s) and its output is read to the end.
     */
    int interrupt() throws IOException, InterruptedException {
        var kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0 || !process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("--serve did not stop on SIGINT:\n" + String.join("\n", lines));
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
