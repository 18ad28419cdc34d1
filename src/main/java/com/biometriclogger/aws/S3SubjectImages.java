package com.biometriclogger.aws;

import com.biometriclogger.evidence.Erasure;
import com.biometriclogger.evidence.SubjectKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A subject's images in the upload bucket: every version and delete marker under their keys,
 * deleted by version id, so nothing of them stays behind a delete marker in a versioned bucket.
 */
public final class S3SubjectImages implements Erasure.Images {

    private final S3Client s3;

    public S3SubjectImages(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public List<Erasure.ImageVersion> versionsOf(SubjectKeys subject) {
        List<Erasure.ImageVersion> versions = new ArrayList<>();
        for (String prefix : List.of(subject.uploads(), subject.referenceStem(), subject.referenceFolder())) {
            s3.listObjectVersionsPaginator(b -> b.bucket(subject.bucket()).prefix(prefix)).forEach(page -> Stream.concat(
                            page.versions().stream().map(v -> new Erasure.ImageVersion(v.key(), v.versionId())),
                            page.deleteMarkers().stream().map(m -> new Erasure.ImageVersion(m.key(), m.versionId())))
                    .filter(version -> subject.covers(version.key()))
                    .forEach(versions::add));
        }
        return versions;
    }

    @Override
    public void delete(SubjectKeys subject, Erasure.ImageVersion version) {
        s3.deleteObject(b -> b.bucket(subject.bucket()).key(version.key()).versionId(version.versionId()));
    }
}
