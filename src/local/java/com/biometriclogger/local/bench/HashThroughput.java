package com.biometriclogger.local.bench;

import com.biometriclogger.util.Sha256;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/** Prints SHA-256 MB/s over 64 KB chunks, as the function hashes a streamed object. */
public final class HashThroughput {

    private HashThroughput() {
    }

    public static void main(String[] args) {
        byte[] chunk = new byte[64 * 1024];
        new Random(1).nextBytes(chunk);
        long bytes = 256L * 1024 * 1024;
        for (int round = 0; round < 3; round++) {
            hash(chunk, bytes / 4);
        }
        long started = System.nanoTime();
        hash(chunk, bytes);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%.1f%n", bytes / 1e6 / seconds);
    }

    private static void hash(byte[] chunk, long bytes) {
        var digest = Sha256.newDigest();
        for (long done = 0; done < bytes; done += chunk.length) {
            digest.update(chunk);
        }
        digest.digest();
    }

    /** MB/s of this class's main, run in a fresh JVM on {@code classpath} (C1 only, as Lambda's flags, or C2 too). */
    static double measure(String classpath, boolean c1Only) throws Exception {
        List<String> command = new ArrayList<>(List.of(Jdk.current().java().toString()));
        if (c1Only) {
            command.addAll(List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"));
        }
        command.addAll(List.of("-cp", classpath + File.pathSeparator + Path.of("target/test-classes"),
                HashThroughput.class.getName()));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor(120, TimeUnit.SECONDS);
        return Double.parseDouble(output.lines().reduce((a, b) -> b).orElseThrow());
    }
}
