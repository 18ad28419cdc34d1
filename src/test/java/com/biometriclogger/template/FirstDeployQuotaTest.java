package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The quotas a first deploy meets in a fresh account (AWS documentation, default values), checked on
 * the template as CloudFormation resolves it for the longest stack name it accepts (128 characters),
 * by default and with every optional resource: a quota the template exceeds is a CREATE_FAILED that no
 * linter reports.
 */
class FirstDeployQuotaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LONGEST_STACK_NAME = "a" + "-b".repeat(63) + "c";

    /** EventBridge "Event pattern size": 2,048 characters by default; CloudFormation sends compact JSON. */
    private static final int EVENT_PATTERN = 2048;
    private static final int KEY_POLICY = 32 * 1024;
    private static final int BUCKET_POLICY = 20 * 1024;
    private static final int TABLE_POLICY = 20 * 1024;
    /** IAM: a role's inline policies together, whitespace not counted. */
    private static final int ROLE_INLINE_POLICIES = 10_240;

    static Stream<Deployment> deployments() {
        Deployment longest = Deployment.named(LONGEST_STACK_NAME);
        return Stream.of(longest, longest
                .with("CreateTrail", "true")
                .with("AlertEmail", "security@example.com")
                .with("BreakGlassRoleArn", Deployment.BREAK_GLASS_ROLE)
                .with("ReplacementSigningKeyArn", "arn:aws:kms:eu-west-1:123456789012:key/0d1e2f30-0000-4000-8000-00000000000a")
                .with("ReplacementSealSigningKeyArn", "arn:aws:kms:eu-west-1:123456789012:key/0d1e2f30-0000-4000-8000-00000000000b"));
    }

    @ParameterizedTest
    @MethodSource("deployments")
    void everyEventPatternFitsEventBridgesDefaultQuota(Deployment deployment) throws Exception {
        List<String> over = new ArrayList<>();
        for (var rule : deployment.resources("AWS::Events::Rule").entrySet()) {
            if (rule.getValue().containsKey("EventPattern")) {
                int size = JSON.writeValueAsString(rule.getValue().get("EventPattern")).length();
                if (size > EVENT_PATTERN) {
                    over.add(rule.getKey() + " " + size);
                }
            }
        }
        assertEquals(List.of(), over, "event patterns over " + EVENT_PATTERN + " characters");
    }

    @ParameterizedTest
    @MethodSource("deployments")
    void everyResourcePolicyFitsItsServicesQuota(Deployment deployment) throws Exception {
        List<String> over = new ArrayList<>();
        overLimit(deployment, "AWS::KMS::Key", "KeyPolicy", KEY_POLICY, over);
        overLimit(deployment, "AWS::S3::BucketPolicy", "PolicyDocument", BUCKET_POLICY, over);
        for (var table : deployment.resources("AWS::DynamoDB::Table").entrySet()) {
            if (table.getValue().get("ResourcePolicy") instanceof Map<?, ?> policy) {
                check(table.getKey(), policy.get("PolicyDocument"), TABLE_POLICY, over);
            }
        }
        assertEquals(List.of(), over, "policies over their quota");
    }

    @ParameterizedTest
    @MethodSource("deployments")
    void everyRolesInlinePoliciesFitIamsQuota(Deployment deployment) throws Exception {
        List<String> over = new ArrayList<>();
        for (var role : deployment.resources("AWS::IAM::Role").entrySet()) {
            int size = 0;
            for (Object policy : (List<?>) role.getValue().getOrDefault("Policies", List.of())) {
                size += JSON.writeValueAsString(((Map<?, ?>) policy).get("PolicyDocument")).length();
            }
            if (size > ROLE_INLINE_POLICIES) {
                over.add(role.getKey() + " " + size);
            }
        }
        assertEquals(List.of(), over, "roles whose inline policies exceed " + ROLE_INLINE_POLICIES + " characters");
    }

    /** Names the template builds from the stack's name, within each service's length limit. */
    @ParameterizedTest
    @MethodSource("deployments")
    void everyNameTheTemplateBuildsFitsItsService(Deployment deployment) {
        List<String> over = new ArrayList<>();
        overLength(deployment, "AWS::CloudWatch::Alarm", "AlarmName", 255, over);
        overLength(deployment, "AWS::SNS::Topic", "TopicName", 256, over);
        overLength(deployment, "AWS::Logs::LogGroup", "LogGroupName", 512, over);
        overLength(deployment, "AWS::IAM::Role", "RoleName", 64, over);
        overLength(deployment, "AWS::KMS::Alias", "AliasName", 256, over);
        overLength(deployment, "AWS::S3::Bucket", "BucketName", 63, over);
        overLength(deployment, "AWS::SQS::Queue", "QueueName", 80, over);
        overLength(deployment, "AWS::Events::Rule", "Name", 64, over);
        assertEquals(List.of(), over, "names over their service's limit");
    }

    /**
     * SnapStart publishes a version only for a function it can snapshot: an alias to publish, no EFS,
     * at most 512 MB of ephemeral storage, a Java 11 or later managed runtime.
     */
    @ParameterizedTest
    @MethodSource("deployments")
    void snapStartFunctionsMeetItsConstraints(Deployment deployment) {
        List<String> broken = new ArrayList<>();
        for (var function : deployment.resources("AWS::Serverless::Function").entrySet()) {
            Map<String, Object> p = function.getValue();
            if (!p.containsKey("SnapStart")) {
                continue;
            }
            String runtime = String.valueOf(p.get("Runtime"));
            boolean ok = p.containsKey("AutoPublishAlias") && !p.containsKey("FileSystemConfigs")
                    && runtime.matches("java(11|17|21|25)")
                    && (!(p.get("EphemeralStorage") instanceof Map<?, ?> storage) || ((Number) storage.get("Size")).intValue() <= 512);
            if (!ok) {
                broken.add(function.getKey());
            }
        }
        assertEquals(List.of(), broken, "SnapStart functions it cannot snapshot");
    }

    /** Lambda keeps 10 unreserved and a new account may have 10 in all: a default deploy reserves none. */
    @ParameterizedTest
    @MethodSource("deployments")
    void aDefaultDeployReservesNoConcurrency(Deployment deployment) {
        List<String> reserving = new ArrayList<>();
        deployment.resources("AWS::Serverless::Function").forEach((id, p) -> {
            if (p.containsKey("ReservedConcurrentExecutions")) {
                reserving.add(id + " " + p.get("ReservedConcurrentExecutions"));
            }
        });
        assertEquals(List.of(), reserving, "functions that reserve concurrency by default");
    }

    private static void overLimit(Deployment deployment, String type, String property, int limit, List<String> over)
            throws Exception {
        for (var resource : deployment.resources(type).entrySet()) {
            check(resource.getKey(), resource.getValue().get(property), limit, over);
        }
    }

    private static void check(String id, Object policy, int limit, List<String> over) throws Exception {
        int size = JSON.writeValueAsString(policy).length();
        if (size > limit) {
            over.add(id + " " + size);
        }
    }

    private static void overLength(Deployment deployment, String type, String property, int limit, List<String> over) {
        deployment.resources(type).forEach((id, p) -> {
            if (p.get(property) instanceof String name && name.length() > limit) {
                over.add(id + " " + name.length());
            }
        });
    }
}
