package com.biometriclogger.local.samples;

import com.biometriclogger.util.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The bundled samples (see {@code src/local/resources/samples/PROVENANCE.md}), checked against their recorded hashes. */
public final class SampleImages {

    @SuppressWarnings("ArrayRecordComponent") // never compared: a sample is read, then uploaded
    public record Sample(String name, String expectation, byte[] bytes) {
    }

    private static final List<String[]> SAMPLES = List.of(
            new String[] {"astronaut.jpg", "one face", "608de74f5f29e464d80cbeeb885fb03b9cb10b7c98623a4a57e8d808cd5e3b26"},
            new String[] {"grace_hopper.jpg", "one face", "a8ca6d734765703b09728ab47fe59f473d93ae3967fc24c7c0288c3c7adb7130"},
            new String[] {"camera.jpg", "a face turned away", "53f13a8600e65c359caaecba7974eeb74bd1332d8c2156f4d2248378c5def86d"},
            new String[] {"coffee.jpg", "no face", "b77a036c387447f0ad582bdc03aeb3b708f40acc2b0ed9d362c9639b1b9ef493"},
            new String[] {"chelsea.jpg", "a cat, no human face", "e0f3215c85908cd563daa861454f29049b967a8635b19fa5661347d1378fd5a9"},
            new String[] {"notes.jpg", "a text file named .jpg", "16835091ad8d575b9e74307daa545c3abe0e83ca78591047b4c15ca5e0f0c2e2"});

    private SampleImages() {
    }

    /** The sample of this file name (see {@link #load}). */
    public static Sample named(String name) {
        return load().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sample " + name));
    }

    /**
     * @throws IllegalStateException naming the file and how to restore it, when a sample is missing or altered
     */
    public static List<Sample> load() {
        List<Sample> samples = new ArrayList<>();
        for (String[] sample : SAMPLES) {
            byte[] bytes = read(sample[0]);
            String actual = Sha256.hex(bytes);
            if (!actual.equals(sample[2])) {
                throw new IllegalStateException("sample " + sample[0] + " is corrupt (SHA-256 " + actual
                        + "): restore it with git checkout src/local/resources/samples");
            }
            samples.add(new Sample(sample[0], sample[1], bytes));
        }
        return samples;
    }

    private static byte[] read(String name) {
        try (InputStream in = SampleImages.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("sample " + name
                        + " is missing: restore it with git checkout src/local/resources/samples");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
