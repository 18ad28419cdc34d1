package com.biometriclogger.aws;

import com.biometriclogger.decision.DeploymentFaultException;
import com.biometriclogger.evidence.CanonicalForm;
import com.biometriclogger.evidence.SealPeriod;
import com.biometriclogger.evidence.Sealer;
import com.biometriclogger.util.FlatJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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

    @Override
    public Optional<String> location() {
        return Optional.of("s3://" + bucket + "/" + prefix);
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
            return Optional.of(SealPeriod.parse(key.substring(prefix.length(), key.length() - SUFFIX.length())).toString());
        } catch (IllegalArgumentException notAnHour) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> periodsFrom(String from) {
        return periods(Optional.of(key(SealPeriod.parse(from).previous().toString())));
    }

    @Override
    public Optional<String> newest() {
        var all = periods(Optional.empty());
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The version written first: the one Object Lock has held since, whatever was added after it. */
    @Override
    public List<Map<String, String>> read(String period) {
        String key = key(period);
        var versions = list(key).versionIds().get(key);
        if (versions == null) {
            throw new IllegalStateException("no archived seal at s3://" + bucket + "/" + key);
        }
        return parse(content(key, versions.get(0)));
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

    /**
     * Every version and delete marker under a prefix, by key, oldest version first.
     *
     * @param versioned false when the store keeps no versions (S3 answers 501 to the listing): a local
     *                  stack on disk. An Object Lock bucket is always versioned; without versions a
     *                  second write over a seal could not be seen, and the reader says so.
     */
    public record Listing(Map<String, List<String>> versionIds, Map<String, Integer> deleteMarkers, boolean versioned) {
    }

    public Listing list(String keyPrefix) {
        Map<String, List<ObjectVersion>> versions = new TreeMap<>();
        Map<String, Integer> markers = new TreeMap<>();
        try {
            for (var page : s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(keyPrefix))) {
                page.versions().forEach(v -> versions.computeIfAbsent(v.key(), k -> new ArrayList<>()).add(v));
                page.deleteMarkers().forEach(m -> markers.merge(m.key(), 1, Integer::sum));
            }
        } catch (S3Exception e) {
            if (e.statusCode() != 501) {
                throw e;
            }
            Map<String, List<String>> current = new TreeMap<>();
            s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(keyPrefix)).contents()
                    .forEach(object -> current.put(object.key(), Collections.singletonList(null)));
            return new Listing(current, Map.of(), false);
        }
        Map<String, List<String>> ids = new TreeMap<>();
        versions.forEach((key, all) -> ids.put(key, all.stream()
                .sorted(Comparator.comparing(ObjectVersion::lastModified).thenComparing(ObjectVersion::versionId))
                .map(ObjectVersion::versionId).toList()));
        return new Listing(ids, markers, true);
    }

    /** An archived hour's content, from the version given (null: the only one an unversioned store has). */
    public String content(String key, String versionId) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).versionId(versionId)).asUtf8String();
    }

    /**
     * One archived object's lines back into parts.
     *
     * @throws IllegalArgumentException when a line is not a flat JSON object: the reader's finding
     */
    public static List<Map<String, String>> parse(String jsonLines) {
        List<Map<String, String>> parts = new ArrayList<>();
        for (String line : jsonLines.split("\n", -1)) {
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
