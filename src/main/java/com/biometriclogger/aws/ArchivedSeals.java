package com.biometriclogger.aws;

import com.biometriclogger.evidence.ArchivedSeal;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The archive as {@code verify} reads it: every version and delete marker under the prefix, so a
 * version added over a locked one, or a marker hiding one, is seen; each hour is read from its first
 * version, the one Object Lock holds.
 */
public final class ArchivedSeals {

    private final S3SealArchive archive;

    public ArchivedSeals(S3Client s3, String bucket, String prefix) {
        this.archive = new S3SealArchive(s3, bucket, prefix);
    }

    /**
     * @param whenEmpty   called instead when the archive holds no seal at all
     * @param unversioned called when the store keeps no versions, so overwrites cannot be seen
     */
    public void forEach(Consumer<ArchivedSeal> each, Runnable whenEmpty, Runnable unversioned) {
        var listing = archive.list(archive.prefix());
        if (listing.versionIds().isEmpty()) {
            whenEmpty.run();
            return;
        }
        if (!listing.versioned()) {
            unversioned.run();
        }
        listing.versionIds().forEach((key, versions) -> {
            int markers = listing.deleteMarkers().getOrDefault(key, 0);
            var period = archive.periodOf(key);
            if (period.isEmpty()) {
                each.accept(new ArchivedSeal(key, key, List.of(), versions.size(), markers,
                        Optional.of("an object in the seal archive that is not an hour's seal")));
                return;
            }
            try {
                each.accept(new ArchivedSeal(period.get(), key, S3SealArchive.parse(archive.content(key, versions.get(0))),
                        versions.size(), markers, Optional.empty()));
            } catch (IllegalArgumentException unreadable) {
                each.accept(new ArchivedSeal(period.get(), key, List.of(), versions.size(), markers,
                        Optional.of(String.valueOf(unreadable.getMessage()))));
            }
        });
    }
}
