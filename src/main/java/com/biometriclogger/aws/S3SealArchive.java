package com.biometriclogger.aws;

import com.biometriclogger.decision.DeploymentFaultException;
import com.biometriclogger.evidence.CanonicalForm;
import com.biometriclogger.evidence.SealPeriod;
import com.biometriclogger.evidence.Sealer;
import com.biometriclogger.util.FlatJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The seal archive: one object per hour, {@code <prefix><period>.jsonl}, its parts as signed JSON
 * lines (ids and digests only, no personal data), in a bucket with Object Lock in COMPLIANCE mode.
 * The bucket's default retention locks every version on arrival; this code sends no lock headers, so
 * the same code runs against S3 and against local stand-ins that do not enforce a lock.
 *
 * <p>Writes carry {@code If-None-Match: *}, so a second sealer run cannot add a version. Object Lock
 * forbids deleting versions, not adding them: a writer that leaves the header off can add one, which
 * is why every read takes the first version, and {@code verify} names a key with more than one.
 */
public final class S3SealArchive implements Sealer.SealArchive {

    private static final String SUFFIX = ".jsonl";

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3SealArchive(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    public String bucket() {
        return bucket;
    }

    public String prefix() {
        return prefix;
    }

    public String key(String period) {
        return prefix + period + SUFFIX;
    }

    /** The hour an archived key holds, if it is one of ours. */
    public Optional<String> periodOf(String key) {
        if (!key.startsWith(prefix) || !key.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SealPeriod.validated(key.substring(prefix.length(), key.length() - SUFFIX.length())));
        } catch (IllegalArgumentException notAnHour) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> periodsFrom(String from) {
        return periods(Optional.of(key(SealPeriod.previous(from))));
    }

    @Override
    public Optional<String> newest() {
        var all = periods(Optional.empty());
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    @Override
    public List<Map<String, String>> read(String period) {
        String key = key(period);
        var first = firstVersion(key).orElseThrow(() -> new IllegalStateException("no archived seal at " + key));
        return parse(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).versionId(first)).asUtf8String());
    }

    @Override
    public boolean putOnce(String period, List<Map<String, String>> parts) {
        var body = new StringBuilder();
        parts.forEach(part -> body.append(CanonicalForm.json(part)).append('\n'));
        try {
            s3.putObject(b -> b.bucket(bucket).key(key(period)).ifNoneMatch("*").contentType("application/x-ndjson"),
                    RequestBody.fromString(body.toString(), StandardCharsets.UTF_8));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                return false;
            }
            if (e.statusCode() == 403 || e.statusCode() == 404) {
                throw new DeploymentFaultException("S3 " + e.statusCode() + " writing the seal archive s3://" + bucket
                        + "/" + key(period) + ": check SEAL_ARCHIVE_BUCKET and the seal role's s3:PutObject", e);
            }
            throw e;
        }
    }

    /** The version written first: the one Object Lock has held since, whatever was added after it. */
    public Optional<String> firstVersion(String key) {
        return s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(key)).versions().stream()
                .filter(version -> version.key().equals(key))
                .min(Comparator.comparing(ObjectVersion::lastModified).thenComparing(ObjectVersion::versionId))
                .map(ObjectVersion::versionId);
    }

    /**
     * One archived object's lines back into parts.
     *
     * @throws IllegalArgumentException when a line is not a flat JSON object: the reader's finding
     */
    public static List<Map<String, String>> parse(String jsonLines) {
        List<Map<String, String>> parts = new ArrayList<>();
        for (String line : jsonLines.split("\n")) {
            if (!line.isBlank()) {
                parts.add(FlatJson.parse(line));
            }
        }
        return parts;
    }

    private List<String> periods(Optional<String> startAfter) {
        List<String> periods = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).startAfter(startAfter.orElse(null)))
                .contents()
                .forEach(object -> periodOf(object.key()).ifPresent(periods::add));
        return periods;
    }
}
