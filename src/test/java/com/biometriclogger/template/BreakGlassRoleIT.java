package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.aws.DynamoDbSealStore;
import com.biometriclogger.cli.EraseCommand;
import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.ErasureRecord;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.LocalEvidence;
import com.biometriclogger.local.stack.LocalKms;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.testing.AwsCalls;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.Scenario;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.kms.model.GetPublicKeyRequest;
import software.amazon.awssdk.services.kms.model.SignRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Whether erase can run on AWS, as the break-glass role, and as nobody else: the calls the real erase
 * command sends (recorded on the local stack while it erases a subject with an enrolment, an upload and
 * a replaced version of it), each authorised as IAM would in a deployment of template.yaml, against the
 * stack's own resource policies (key policies, bucket policy, table policies) and the identity policy
 * docs/evidence.md tells the operator to give the role (docs/break-glass-role-policy.json).
 */
@ExtendWith(LocalStackExtension.class)
class BreakGlassRoleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SUBJECTS = new AtomicInteger();
    private static final String ADMIN = "arn:aws:iam::" + Deployment.ACCOUNT + ":role/Admin";

    private static final Deployment WITH_BREAK_GLASS = Deployment.defaults().with("BreakGlassRoleArn", Deployment.BREAK_GLASS_ROLE);

    /** What erase sent, as (action, resource) in the deployment; the principal is put in per check. */
    private static List<PolicyEvaluation.Request> calls;
    private static Scenario scenario;

    @BeforeAll
    static void eraseASubjectOnTheLocalStackAndRecordEveryCall(Scenario shared) {
        scenario = shared;
        String subject = "breakglass" + SUBJECTS.incrementAndGet() + scenario.table();
        var handler = scenario.handlerAt(Instant.now().minus(Duration.ofHours(2)), Map.of("VERIFICATION_MODE", "MATCH"));
        scenario.decideMatching(handler, "references/" + subject + ".jpg", 5001);
        scenario.decideMatching(handler, "uploads/" + subject + "/1.jpg", 5002);
        scenario.put("uploads/" + subject + "/1.jpg", TestImages.jpeg(5003));
        LocalEvidence.sealer(scenario.stack(), scenario.table(), Clock.systemUTC()).sealThrough(Instant.now());
        var args = LocalEvidence.eraseArguments(scenario.table(), scenario.bucket(), subject, "REQ-2026-0077");
        var out = new ByteArrayOutputStream();
        int[] status = new int[1];

        var recorded = AwsCalls.during(() -> status[0] = EraseCommand.run(args.toArray(String[]::new), scenario.environment(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8)));

        assertEquals(0, status[0], out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("erased: 2 erasure records written, 0 found from an earlier run,\n  "
                + "2 audit items and"), out.toString(StandardCharsets.UTF_8));
        calls = new ArrayList<>();
        recorded.forEach(call -> calls.addAll(asIam(call)));
    }

    /** Every kind of call an erasure needs was made, so the checks below cover each one. */
    @Test
    void eraseCallsExactlyTheseActions() {
        assertEquals(new TreeSet<>(List.of("dynamodb:Scan", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem",
                        "kms:Decrypt", "kms:GetPublicKey", "kms:Sign", "s3:ListBucketVersions", "s3:DeleteObjectVersion",
                        "s3:PutObject")),
                actions(calls));
    }

    @Test
    void theBreakGlassRoleWithTheDocumentedPolicyMayMakeEveryCall() throws Exception {
        var policy = documentedPolicy(WITH_BREAK_GLASS);

        assertEquals(List.of(), refused(WITH_BREAK_GLASS, Deployment.BREAK_GLASS_ROLE, policy, calls));
    }

    /**
     * Another role with the same identity policy, or with AdministratorAccess, is refused by the stack's
     * own resource policies every write erase makes (signing, putting and deleting items, deleting
     * reference versions); what it may still do of erase is exactly reading and deleting uploads, and
     * adding create-only commitments (the archive refuses any other write; a commitment it adds for an
     * id is named by verify when the item differs).
     */
    @Test
    void anyOtherRoleIsRefusedEveryWriteEraseMakesWhateverItsIdentityPolicy() throws Exception {
        var writes = calls.stream().filter(c -> Set.of("kms:Sign", "dynamodb:PutItem", "dynamodb:DeleteItem").contains(c.action())
                || c.resource().contains("/references/")).toList();

        for (var identity : List.of(documentedPolicy(WITH_BREAK_GLASS), PolicyEvaluation.ADMINISTRATOR_ACCESS)) {
            assertEquals(new LinkedHashSet<>(writes), new LinkedHashSet<>(refused(WITH_BREAK_GLASS, ADMIN, identity, calls)),
                    "refused to " + ADMIN + " with " + identity);
        }
        var stillAllowed = calls.stream().filter(c -> !writes.contains(c)).toList();
        assertEquals(new TreeSet<>(List.of("dynamodb:GetItem", "dynamodb:Scan", "kms:Decrypt", "kms:GetPublicKey",
                "s3:DeleteObjectVersion", "s3:ListBucketVersions", "s3:PutObject")), actions(stillAllowed));
        assertTrue(stillAllowed.stream().filter(c -> c.action().equals("s3:DeleteObjectVersion"))
                .allMatch(c -> c.resource().contains("/uploads/")), "only upload versions: " + stillAllowed);
    }

    /** Without the parameter, the role the operator meant to use is as refused as any other. */
    @Test
    void withoutTheParameterNobodyMayMakeTheWrites() throws Exception {
        var deployment = Deployment.defaults();

        var refused = refused(deployment, Deployment.BREAK_GLASS_ROLE, documentedPolicy(deployment), calls);

        assertEquals(Set.of("kms:Sign", "dynamodb:PutItem", "dynamodb:DeleteItem", "s3:DeleteObjectVersion"), Set.copyOf(
                refused.stream().map(PolicyEvaluation.Request::action).toList()));
    }

    /**
     * What the break-glass role may not do even with its rights: put over a decision (erase's own put,
     * aimed at the key of the decision it deletes) or delete an erasure record (erase's own delete, aimed
     * at the record it wrote). IAM cannot require erase's attribute_not_exists conditions; the
     * partition key is what the table's policy can hold the role to.
     */
    @Test
    void theBreakGlassRolePutsNothingButErasureRecordsAndDeletesNoneOfThem() throws Exception {
        var put = first("dynamodb:PutItem");
        var delete = first("dynamodb:DeleteItem");
        assertTrue(put.context().get("dynamodb:LeadingKeys").startsWith(ErasureRecord.ID_PREFIX), put.toString());
        var overwrite = put.withContext("dynamodb:LeadingKeys", delete.context().get("dynamodb:LeadingKeys"));
        var deleteRecord = delete.withContext("dynamodb:LeadingKeys", put.context().get("dynamodb:LeadingKeys"));

        var refused = refused(WITH_BREAK_GLASS, Deployment.BREAK_GLASS_ROLE, documentedPolicy(WITH_BREAK_GLASS),
                List.of(put, delete, overwrite, deleteRecord));

        assertEquals(List.of(overwrite, deleteRecord), refused);
    }

    private static PolicyEvaluation.Request first(String action) {
        return calls.stream().filter(c -> c.action().equals(action)).findFirst().orElseThrow();
    }

    /** The calls a principal with this identity policy may not make in the deployment. */
    private static List<PolicyEvaluation.Request> refused(Deployment deployment, String principal, Map<String, Object> identity,
            List<PolicyEvaluation.Request> requests) {
        List<PolicyEvaluation.Request> refused = new ArrayList<>();
        for (var call : requests) {
            var request = new PolicyEvaluation.Request(principal, call.action(), call.resource());
            for (var key : call.context().entrySet()) {
                if (!key.getKey().startsWith("aws:")) {
                    request = request.withContext(key.getKey(), key.getValue());
                }
            }
            if (!PolicyEvaluation.allows(identity, deployment.resourcePolicy(call.resource()), request)) {
                refused.add(call);
            }
        }
        return refused;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> documentedPolicy(Deployment deployment) throws Exception {
        return JSON.readValue(DocumentedPoliciesIT.filledFromOutputs(deployment, "docs/break-glass-role-policy.json"), Map.class);
    }

    private static Set<String> actions(List<PolicyEvaluation.Request> requests) {
        return new TreeSet<>(requests.stream().map(PolicyEvaluation.Request::action).toList());
    }

    /**
     * One recorded call as IAM authorises it in the deployment (the local stack's names mapped to the
     * deployment's resources), with the KMS use DynamoDB makes on the caller's behalf for an encrypted table.
     */
    private static List<PolicyEvaluation.Request> asIam(SdkRequest call) {
        if (call instanceof ScanRequest r) {
            return table("dynamodb:Scan", r.tableName(), null);
        }
        if (call instanceof GetItemRequest r) {
            return table("dynamodb:GetItem", r.tableName(), partitionKey(r.key()));
        }
        if (call instanceof PutItemRequest r) {
            return table("dynamodb:PutItem", r.tableName(), partitionKey(r.item()));
        }
        if (call instanceof DeleteItemRequest r) {
            return table("dynamodb:DeleteItem", r.tableName(), partitionKey(r.key()));
        }
        if (call instanceof GetPublicKeyRequest r) {
            return List.of(request("kms:GetPublicKey", signingKey(r.keyId())));
        }
        if (call instanceof SignRequest r) {
            return List.of(request("kms:Sign", signingKey(r.keyId())));
        }
        if (call instanceof ListObjectVersionsRequest r) {
            return List.of(request("s3:ListBucketVersions", bucket(r.bucket())));
        }
        if (call instanceof PutObjectRequest r) {
            var put = request("s3:PutObject", commitment(r.bucket(), r.key()));
            return List.of(r.ifNoneMatch() == null ? put : put.withContext("s3:if-none-match", r.ifNoneMatch()));
        }
        if (call instanceof DeleteObjectRequest r) {
            return List.of(request(r.versionId() == null ? "s3:DeleteObject" : "s3:DeleteObjectVersion",
                    bucket(r.bucket()) + "/" + r.key()));
        }
        throw new AssertionError("erase sends " + call.getClass().getSimpleName()
                + ", which this test does not map to IAM yet: map it, and add it to docs/break-glass-role-policy.json");
    }

    /** The item's partition key (attemptId, sealId), as IAM sees it in dynamodb:LeadingKeys. */
    private static String partitionKey(Map<String, AttributeValue> key) {
        for (String name : List.of(AuditAttribute.ATTEMPT_ID.stored(), DynamoDbSealStore.PARTITION_KEY)) {
            if (key.containsKey(name)) {
                return key.get(name).s();
            }
        }
        throw new AssertionError("no partition key in " + key.keySet());
    }

    /** @param leadingKey the item's partition key, null for a call on the whole table */
    private static List<PolicyEvaluation.Request> table(String action, String localName, String leadingKey) {
        String arn;
        if (localName.equals(scenario.table())) {
            arn = reference("AuditTable.Arn");
        } else if (localName.equals(LocalStack.sealTableName(scenario.table()))) {
            arn = reference("SealTable.Arn");
        } else {
            throw new AssertionError("erase used the table " + localName + ", neither the audit nor the seal table");
        }
        var call = request(action, arn);
        return List.of(leadingKey == null ? call : call.withContext("dynamodb:LeadingKeys", leadingKey),
                request("kms:Decrypt", reference("DataKey.Arn"))
                .withContext("kms:ViaService", "dynamodb." + Deployment.REGION + ".amazonaws.com"));
    }

    private static String signingKey(String localKey) {
        assertEquals(LocalKms.KEY_ARN, localKey, "erase signs with the item key");
        return WITH_BREAK_GLASS.outputs().get("SigningKeyArn");
    }

    private static String bucket(String localBucket) {
        assertEquals(scenario.bucket(), localBucket, "erase deletes from the upload bucket only");
        return reference("UploadBucket.Arn");
    }

    /** Erase commits each erasure record into the archive, under the deployment's default prefix. */
    private static String commitment(String localBucket, String localKey) {
        assertEquals(LocalStack.SEAL_ARCHIVE_BUCKET, localBucket, "erase puts into the archive only");
        String prefix = LocalStack.commitmentPrefix(scenario.table());
        assertTrue(localKey.startsWith(prefix), localKey);
        return reference("SealArchiveBucket.Arn") + "/commitments/" + localKey.substring(prefix.length());
    }

    private static String reference(String attribute) {
        var parts = attribute.split("\\.", -1);
        return (String) WITH_BREAK_GLASS.resolve(Map.of("Fn::GetAtt", List.of(parts[0], parts[1])));
    }

    /** A call with no principal yet: {@link #refused} puts in the one it checks. */
    private static PolicyEvaluation.Request request(String action, String resource) {
        return new PolicyEvaluation.Request("arn:aws:iam::" + Deployment.ACCOUNT + ":role/unknown", action, resource);
    }

}
