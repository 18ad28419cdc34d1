package com.biometriclogger.aws;

import com.biometriclogger.evidence.ArchivedCommitment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The commitments as {@code verify} reads them: listed with every version (S3 lists keys in order,
 * so one hour's folder arrives whole before the next), each read from its first version, the one
 * Object Lock holds, and handed over one hour at a time, so memory holds one hour, not the archive.
 */
public final class ArchivedCommitments {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public ArchivedCommitments(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    /** @param eachHour the hour's folder name as written, and its commitments */
    public void forEachHour(BiConsumer<String, List<ArchivedCommitment>> eachHour) {
        var hour = new Hour(eachHour);
        try {
            for (var page : s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(prefix))) {
                page.versions().forEach(hour::add);
            }
        } catch (S3Exception e) {
            if (e.statusCode() != 501) {
                throw e;
            }
            // A local store on disk keeps no versions: each key then has the one it lists.
            s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()
                    .forEach(object -> hour.add(ObjectVersion.builder().key(object.key()).lastModified(object.lastModified())
                            .versionId(null).build()));
        }
        hour.flush();
    }

    /** The folder being gathered: flushed when a key of another folder arrives. */
    private final class Hour {
        private final BiConsumer<String, List<ArchivedCommitment>> eachHour;
        private String folder = "";
        private final Map<String, List<ObjectVersion>> versionsByKey = new LinkedHashMap<>();

        Hour(BiConsumer<String, List<ArchivedCommitment>> eachHour) {
            this.eachHour = eachHour;
        }

        void add(ObjectVersion version) {
            String relative = version.key().substring(prefix.length());
            int slash = relative.indexOf('/');
            String of = slash < 0 ? relative : relative.substring(0, slash);
            if (!of.equals(folder)) {
                flush();
                folder = of;
            }
            versionsByKey.computeIfAbsent(relative, k -> new ArrayList<>()).add(version);
        }

        void flush() {
            if (versionsByKey.isEmpty()) {
                return;
            }
            List<ArchivedCommitment> commitments = new ArrayList<>();
            versionsByKey.forEach((relative, versions) -> {
                var first = versions.stream().min(Comparator.comparing(ObjectVersion::lastModified)
                        .thenComparing(v -> String.valueOf(v.versionId()))).orElseThrow();
                String content = s3.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + relative)
                        .versionId(first.versionId())).asUtf8String();
                commitments.add(new ArchivedCommitment(relative, content, versions.size()));
            });
            eachHour.accept(folder, commitments);
            versionsByKey.clear();
        }
    }
}
