package com.biometriclogger.local.faces;

import com.biometriclogger.local.samples.PhotoTransforms;
import com.biometriclogger.local.samples.SampleImages;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures the genuine and impostor pairs {@link SimilarityScale} is fitted on and prints the
 * the calibration table of docs/local.md: three people from the bundled samples (Eileen Collins, Grace
 * Hopper, the camera operator), each photo with its {@link PhotoTransforms} copies. Genuine
 * pairs are any two images of one person, so every one of them involves at least one
 * transformed copy: none is a second photograph. Impostor pairs are any two images of different
 * people.
 *
 * <p>{@code mvn -q test-compile exec:java@calibrate}
 */
public final class SimilarityCalibration {

    static final List<String> PEOPLE = List.of("astronaut.jpg", "grace_hopper.jpg", "camera.jpg");
    static final float[] THRESHOLDS = {80, 90, 95, 99};

    /** Cosines of every genuine and every impostor pair, and the constants they fit. */
    record Measurement(List<Double> genuine, List<Double> impostor, double centre, double steepness) {

        double falseAcceptRate(float threshold) {
            return impostor.stream().filter(c -> SimilarityScale.similarity(c) >= threshold).count() / (double) impostor.size();
        }

        double falseRejectRate(float threshold) {
            return genuine.stream().filter(c -> SimilarityScale.similarity(c) < threshold).count() / (double) genuine.size();
        }
    }

    private SimilarityCalibration() {
    }

    public static void main(String[] args) {
        print(measure(FacePipeline.shared()), System.out);
    }

    static Measurement measure(FacePipeline models) {
        List<List<float[]>> people = new ArrayList<>();
        for (String person : PEOPLE) {
            byte[] photo = SampleImages.named(person).bytes();
            List<float[]> embeddings = new ArrayList<>();
            embeddings.add(embedding(models, photo, person));
            for (var transform : PhotoTransforms.ALL) {
                embeddings.add(embedding(models, transform.apply(photo), person + " " + transform.name()));
            }
            people.add(embeddings);
        }
        List<Double> genuine = new ArrayList<>();
        List<Double> impostor = new ArrayList<>();
        for (int p = 0; p < people.size(); p++) {
            var images = people.get(p);
            for (int i = 0; i < images.size(); i++) {
                for (int j = i + 1; j < images.size(); j++) {
                    genuine.add(SimilarityScale.cosine(images.get(i), images.get(j)));
                }
            }
            for (int q = p + 1; q < people.size(); q++) {
                for (float[] a : images) {
                    for (float[] b : people.get(q)) {
                        impostor.add(SimilarityScale.cosine(a, b));
                    }
                }
            }
        }
        Collections.sort(genuine);
        Collections.sort(impostor);
        double[] fit = SimilarityScale.fit(impostor.get(impostor.size() - 1), genuine.get(0));
        return new Measurement(genuine, impostor, fit[0], fit[1]);
    }

    private static float[] embedding(FacePipeline models, byte[] image, String label) {
        var pixels = RgbImage.of(PhotoTransforms.decode(image));
        var box = models.detect(pixels).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no face found in " + label));
        return models.embedding(pixels, models.landmarks(pixels, box));
    }

    static void print(Measurement m, PrintStream out) {
        out.printf("pairs: %d genuine (each with a transformed copy), %d impostor%n", m.genuine().size(), m.impostor().size());
        out.println();
        out.println("| pairs | n | cosine min | median | max | Similarity min | median | max |");
        out.println("|---|---|---|---|---|---|---|---|");
        row(out, "genuine", m.genuine());
        row(out, "impostor", m.impostor());
        out.println();
        out.println("| threshold | false accepts | false rejects |");
        out.println("|---|---|---|");
        for (float threshold : THRESHOLDS) {
            out.printf("| %.0f | %s | %s |%n", threshold, rate(m.falseAcceptRate(threshold), m.impostor().size()),
                    rate(m.falseRejectRate(threshold), m.genuine().size()));
        }
        out.println();
        out.printf("fitted: centre %.4f, steepness %.2f (shipped: %.2f, %.1f)%n", m.centre(), m.steepness(),
                SimilarityScale.CENTRE, SimilarityScale.STEEPNESS);
    }

    private static void row(PrintStream out, String label, List<Double> cosines) {
        double min = cosines.get(0);
        double median = cosines.get(cosines.size() / 2);
        double max = cosines.get(cosines.size() - 1);
        out.printf("| %s | %d | %.3f | %.3f | %.3f | %.2f | %.2f | %.2f |%n", label, cosines.size(), min, median, max,
                SimilarityScale.similarity(min), SimilarityScale.similarity(median), SimilarityScale.similarity(max));
    }

    private static String rate(double rate, int of) {
        return String.format("%.1f %% (%d of %d)", 100 * rate, Math.round(rate * of), of);
    }
}
