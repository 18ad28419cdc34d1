package com.biometriclogger.aws;

import com.biometriclogger.evidence.EvidenceVerifier.ArchivedSeal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * The archive as {@code verify} reads it: every version and delete marker under the prefix, so a
 * version added over a locked one, or a marker hiding one, is seen; each hour is read from its first
 * version, the one Object Lock holds.
 */
public final class ArchivedSeals {

    private final S3Client s3;
    private final S3SealArchive archive;

    public ArchivedSeals(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.archive = new S3SealArchive(s3, bucket, prefix);
    }

    /** @param whenEmpty called instead when the archive holds no seal at all */
    public void forEach(Consumer<ArchivedSeal> each, Runnable whenEmpty) {
        Map<String, List<ObjectVersion>> versions = new TreeMap<>();
        Map<String, Integer> deleteMarkers = new TreeMap<>();
        for (var page : s3.listObjectVersionsPaginator(b -> b.bucket(archive.bucket()).prefix(archive.prefix()))) {
            page.versions().forEach(v -> versions.computeIfAbsent(v.key(), k -> new ArrayList<>()).add(v));
            page.deleteMarkers().forEach(m -> deleteMarkers.merge(m.key(), 1, Integer::sum));
        }
        if (versions.isEmpty()) {
            whenEmpty.run();
            return;
        }
        versions.forEach((key, all) -> {
            var period = archive.periodOf(key);
            if (period.isEmpty()) {
                each.accept(new ArchivedSeal(key, key, List.of(), all.size(), deleteMarkers.getOrDefault(key, 0),
                        Optional.of("an object in the seal archive that is not an hour's seal")));
                return;
            }
            var first = all.stream().min(Comparator.comparing(ObjectVersion::lastModified)
                    .thenComparing(ObjectVersion::versionId)).orElseThrow();
            String content = s3.getObjectAsBytes(b -> b.bucket(archive.bucket()).key(key).versionId(first.versionId()))
                    .asUtf8String();
            try {
                each.accept(new ArchivedSeal(period.get(), key, S3SealArchive.parse(content), all.size(),
                        deleteMarkers.getOrDefault(key, 0), Optional.empty()));
            } catch (IllegalArgumentException unreadable) {
                each.accept(new ArchivedSeal(period.get(), key, List.of(), all.size(),
                        deleteMarkers.getOrDefault(key, 0), Optional.of(unreadable.getMessage())));
            }
        });
    }
}
