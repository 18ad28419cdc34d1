package com.biometriclogger.local.bench;

import com.biometriclogger.util.Sha256;
import java.util.Random;

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
}
