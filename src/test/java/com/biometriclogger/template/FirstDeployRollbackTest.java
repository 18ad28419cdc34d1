package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a failed first deploy leaves, as docs/deploy.md says: the rollback deletes what it may and never
 * meets a bucket it cannot empty (a locked seal, logs a service wrote on its own), and what is kept
 * keeps its protections.
 */
class FirstDeployRollbackTest {

    private static final Map<String, Object> TEMPLATE = CloudFormationYaml.load(Path.of("template.yaml"));
    private static final String SCHEDULE_PERMISSION = "SealFunctionInvokedHourly";
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([A-Za-z0-9]+)[.}]");

    /** Until the schedule may invoke the sealer no seal is written, and by then every unconditional resource exists. */
    @Test
    void theSchedulesPermissionIsCreatedAfterEveryUnconditionalResource() {
        Set<String> missing = new TreeSet<>();
        Set<String> before = dependencies(resource(SCHEDULE_PERMISSION));
        resources().forEach((id, resource) -> {
            if (!id.equals(SCHEDULE_PERMISSION) && !resource.containsKey("Condition") && !before.contains(id)) {
                missing.add(id);
            }
        });
        assertEquals(Set.of(), missing, "resources that may still fail once the sealer can run");
    }

    /** A bucket policy deleted with the stack while its bucket stays would leave the bucket without its denies. */
    @Test
    void everyBucketPolicyIsKeptWhereItsBucketIsKept() {
        List<String> differing = new ArrayList<>();
        resources().forEach((id, resource) -> {
            if (resource.get("Type").equals("AWS::S3::BucketPolicy")) {
                String bucket = (String) ((Map<?, ?>) ((Map<?, ?>) resource.get("Properties")).get("Bucket")).get("Ref");
                var kept = resource(bucket);
                if (!kept.get("DeletionPolicy").equals(resource.get("DeletionPolicy"))
                        || !"Retain".equals(resource.get("UpdateReplacePolicy"))) {
                    differing.add(id + " " + resource.get("DeletionPolicy") + " for " + bucket + " " + kept.get("DeletionPolicy"));
                }
            }
        });
        assertEquals(List.of(), differing);
    }

    /**
     * S3 access logging and CloudTrail write to their buckets on their own, within minutes of the deploy's
     * first calls: deleting such a bucket on rollback would fail on its contents, so it is always kept.
     */
    @Test
    void bucketsAServiceWritesToOnItsOwnAreKeptEvenByARollback() {
        var trail = (Map<?, ?>) resource("Trail").get("Properties");
        var logging = (Map<?, ?>) ((Map<?, ?>) resource("UploadBucket").get("Properties")).get("LoggingConfiguration");
        Set<String> written = new TreeSet<>(dependencies(Map.of("a", trail.get("S3BucketName"), "b", logging)));

        Map<String, Object> policies = new TreeMap<>();
        written.forEach(bucket -> policies.put(bucket, resource(bucket).get("DeletionPolicy")));
        assertEquals(Map.of("AccessLogBucket", "Retain", "TrailBucket", "Retain"), policies);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> resources() {
        return (Map<String, Map<String, Object>>) TEMPLATE.get("Resources");
    }

    private static Map<String, Object> resource(String id) {
        return Objects.requireNonNull(resources().get(id), id);
    }

    /** The resources a value waits for: its DependsOn, and every Ref, GetAtt and ${...} in it. */
    private static Set<String> dependencies(Object value) {
        Set<String> found = new TreeSet<>();
        collect(value, found);
        found.retainAll(resources().keySet());
        return found;
    }

    private static void collect(Object value, Set<String> found) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, v) -> {
                if (key.equals("Ref") && v instanceof String name) {
                    found.add(name);
                } else if (key.equals("Fn::GetAtt") && v instanceof List<?> att) {
                    found.add((String) att.get(0));
                } else if (key.equals("DependsOn")) {
                    (v instanceof List<?> list ? list : List.of(v)).forEach(d -> found.add((String) d));
                } else {
                    collect(v, found);
                }
            });
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, found));
        } else if (value instanceof String text) {
            Matcher m = SUBSTITUTION.matcher(text);
            while (m.find()) {
                found.add(m.group(1));
            }
        }
    }
}
