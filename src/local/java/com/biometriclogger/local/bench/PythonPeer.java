package com.biometriclogger.local.bench;

import com.biometriclogger.local.stack.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The Python peer the cold starts are compared with: its script run once per cold start, against the same stack. */
final class PythonPeer {

    /** The table the peer writes to. */
    static final String TABLE = "BiometricAudit";
    private static final List<Path> SCRIPTS = List.of(Path.of("../shared/bench/python_peer.py"),
            Path.of("/work/shared/bench/python_peer.py"));

    private PythonPeer() {
    }

    /** The Python peer, when its script, boto3 and /usr/bin/time are all on this machine. */
    static Path find() throws Exception {
        var peer = SCRIPTS.stream().filter(Files::isRegularFile).findFirst();
        if (peer.isEmpty() || !Files.isExecutable(Path.of("/usr/bin/time"))) {
            return null;
        }
        var check = new ProcessBuilder("python3", "-c", "import boto3").redirectErrorStream(true).start();
        return check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0 ? peer.get() : null;
    }

    static Cold cold(Path peer, String event, Map<String, String> functionEnvironment, Path work) throws Exception {
        Path eventFile = work.resolve("python-event.json");
        Files.writeString(eventFile, event);
        var command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M", "python3", peer.toString(), eventFile.toString()));
        var builder = new ProcessBuilder(command).redirectOutput(work.resolve("python.out").toFile())
                .redirectError(work.resolve("python.err").toFile());
        builder.environment().putAll(functionEnvironment);
        builder.environment().put("AWS_DEFAULT_REGION", LocalStack.REGION);
        builder.environment().put("AUDIT_TABLE", TABLE);
        builder.environment().put("CONFIDENCE_THRESHOLD", "90");
        long started = System.nanoTime();
        var process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("the Python peer failed: " + Files.readString(work.resolve("python.err")));
        }
        double total = BenchStats.ms(System.nanoTime() - started);
        var lines = Files.readAllLines(work.resolve("python.err"));
        double rssMb = Double.parseDouble(lines.get(lines.size() - 1).trim()) / 1024;
        return new Cold(Double.NaN, Double.NaN, total, rssMb);
    }
}
