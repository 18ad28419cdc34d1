import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step of the Lambda zip (pom.xml, package phase): copies jars with every entry STORED
 * (uncompressed), for the zip around them to compress. Deflate then sees many classes in a row and
 * finds what they repeat (package and SDK type names), which compressing each class on its own
 * inside a jar cannot: the zip shrinks by about a third. The JVM reads stored entries without
 * inflating them.
 *
 * <p>Every entry gets the build's fixed timestamp, so the same inputs give the same bytes in any
 * time zone (a jar entry's own time is local time, converted through the zone of whoever reads it).
 *
 * <p>{@code java src/build/StoredJars.java OUTPUT_TIMESTAMP OUT_DIR JAR_OR_DIR...}: OUT_DIR is
 * emptied of jars first; a directory among the inputs stands for the jars in it.
 */
public final class StoredJars {

    public static void main(String[] args) throws IOException {
        var time = OffsetDateTime.parse(args[0]).toLocalDateTime();
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        for (Path stale : jars(List.of(out.toString()))) {
            Files.delete(stale);
        }
        for (Path jar : jars(List.of(args).subList(2, args.length))) {
            store(jar, out.resolve(jar.getFileName()), time);
        }
    }

    private static List<Path> jars(List<String> inputs) throws IOException {
        List<Path> jars = new ArrayList<>();
        for (String input : inputs) {
            Path path = Path.of(input);
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    files.filter(f -> f.toString().endsWith(".jar")).sorted().forEach(jars::add);
                }
            } else {
                jars.add(path);
            }
        }
        return jars;
    }

    private static void store(Path jar, Path target, LocalDateTime time) throws IOException {
        try (var in = new ZipFile(jar.toFile()); var zip = new ZipOutputStream(Files.newOutputStream(target))) {
            zip.setMethod(ZipOutputStream.STORED);
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                var crc = new CRC32();
                crc.update(bytes);
                var stored = new ZipEntry(entry.getName());
                stored.setMethod(ZipEntry.STORED);
                stored.setSize(bytes.length);
                stored.setCompressedSize(bytes.length);
                stored.setCrc(crc.getValue());
                stored.setTimeLocal(time);
                zip.putNextEntry(stored);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
    }
}
