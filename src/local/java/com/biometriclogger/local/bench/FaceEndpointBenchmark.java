package com.biometriclogger.local.bench;

import com.biometriclogger.local.faces.ModelFaceBackend;
import com.biometriclogger.local.samples.SampleImages;
import com.biometriclogger.local.stack.LocalRekognition;
import com.biometriclogger.local.stack.LocalStack;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.Attribute;

/**
 * The local Rekognition endpoint's cost per call, through the real RekognitionClient on
 * loopback: model loading once, then DetectFaces (ALL attributes) and CompareFaces (reference
 * against the same photo) per sample, warm, median and 90th percentile of {@value #RUNS} calls.
 *
 * <p>{@code mvn -q test-compile exec:java@bench-faces}
 */
public final class FaceEndpointBenchmark {

    private static final int WARM_UP = 5;
    private static final int RUNS = 30;

    private FaceEndpointBenchmark() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        var models = ModelFaceBackend.withSharedModels();
        System.out.printf("models loaded and checked in %.0f ms (%d cores)%n", (System.nanoTime() - started) / 1e6,
                Runtime.getRuntime().availableProcessors());
        try (var endpoint = LocalRekognition.start(0, models, null);
             var rekognition = RekognitionClient.builder().region(Region.of(LocalStack.REGION))
                     .credentialsProvider(LocalStack.credentials()).httpClient(UrlConnectionHttpClient.create())
                     .endpointOverride(endpoint.endpoint()).build()) {
            System.out.println("| sample | pixels | DetectFaces median / p90 | CompareFaces median / p90 |");
            System.out.println("|---|---|---|---|");
            for (String name : List.of("astronaut.jpg", "grace_hopper.jpg", "camera.jpg", "coffee.jpg")) {
                var image = SdkBytes.fromByteArray(SampleImages.named(name).bytes());
                var pixels = size(image.asByteArray());
                double[] detect = time(() -> rekognition.detectFaces(b -> b.image(i -> i.bytes(image)).attributes(Attribute.ALL)));
                var reference = SdkBytes.fromByteArray(SampleImages.named("astronaut.jpg").bytes());
                double[] compare = time(() -> rekognition.compareFaces(b -> b.sourceImage(i -> i.bytes(reference))
                        .targetImage(i -> i.bytes(image)).similarityThreshold(0f)));
                System.out.printf("| %s | %s | %.0f / %.0f ms | %.0f / %.0f ms |%n", name, pixels,
                        detect[0], detect[1], compare[0], compare[1]);
            }
        }
    }

    private static double[] time(Runnable call) {
        for (int i = 0; i < WARM_UP; i++) {
            call.run();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            call.run();
            ms[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[RUNS / 2], ms[RUNS * 9 / 10]};
    }

    private static String size(byte[] image) {
        try {
            var decoded = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(image));
            return decoded.getWidth() + "×" + decoded.getHeight();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
