package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.evidence.Commitment;
import com.biometriclogger.evidence.SealPeriod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seal archive's bucket policy evaluated as IAM evaluates it, with the decision function's role as
 * template.yaml grants it and with AdministratorAccess (an administrator, the account root): a
 * commitment is written once, with If-None-Match, under the commitments prefix, and nobody deletes,
 * unlocks or expires anything there. Object Lock's own refusals are AWS's and not played here.
 *
 * <p>The condition key is {@code s3:if-none-match}, present when the request carries the
 * If-None-Match header, whose only accepted value on a write is {@code *} (Amazon S3 User Guide,
 * "Enforce conditional writes on Amazon S3 buckets",
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes-enforce.html).
 */
class SealArchivePolicyTest {

    private static final String ADMIN = "arn:aws:iam::" + Deployment.ACCOUNT + ":role/Admin";
    private static final Deployment DEPLOYMENT = Deployment.defaults();
    private static final String BUCKET = (String) DEPLOYMENT.resolve(Map.of("Ref", "SealArchiveBucket"));
    private static final String COMMITMENT = "arn:aws:s3:::" + BUCKET + "/commitments/"
            + new Commitment("a".repeat(64), "b".repeat(64), "2026-05-03T08:10:00Z", SealPeriod.parse("2026-05-03T08")).relativeKey();
    private static final List<String> EVERYONE = List.of(Deployment.VERIFY_ROLE, Deployment.SEAL_ROLE, ADMIN, Deployment.ACCOUNT_ROOT);

    @Test
    void theDecisionFunctionCommitsOnlyAFirstWrite() {
        var put = new PolicyEvaluation.Request(Deployment.VERIFY_ROLE, "s3:PutObject", COMMITMENT);

        assertFalse(asVerifyRole(put), "a commitment written without If-None-Match could be overwritten");
        assertTrue(asVerifyRole(put.withContext("s3:if-none-match", "*")), "CommitDecisions allows, the bucket does not deny");
    }

    @Test
    void theDecisionFunctionWritesNothingOutsideTheCommitmentsPrefix() {
        for (String key : List.of("seals/2026-05-03T08.json", "commitments-other/2026-05-03T08/x.json", "x.json")) {
            var put = new PolicyEvaluation.Request(Deployment.VERIFY_ROLE, "s3:PutObject", "arn:aws:s3:::" + BUCKET + "/" + key)
                    .withContext("s3:if-none-match", "*");
            assertFalse(asVerifyRole(put), key);
        }
    }

    /** Whatever its identity policy allows, nobody writes a second version: the bucket policy alone refuses it. */
    @Test
    void nobodyWritesToTheArchiveWithoutIfNoneMatch() {
        for (String principal : EVERYONE) {
            var put = new PolicyEvaluation.Request(principal, "s3:PutObject", COMMITMENT);
            assertFalse(asAdministrator(put), principal);
            assertTrue(asAdministrator(put.withContext("s3:if-none-match", "*")), principal + ": the deny is the header's");
        }
    }

    @Test
    void nobodyDeletesUnlocksOrExpiresWhatTheArchiveHolds() {
        var permitted = new ArrayList<String>();
        for (String principal : EVERYONE) {
            for (String action : List.of("s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObjectRetention",
                    "s3:BypassGovernanceRetention")) {
                permitted.add(permission(new PolicyEvaluation.Request(principal, action, COMMITMENT)));
            }
            for (String action : List.of("s3:PutBucketObjectLockConfiguration", "s3:PutLifecycleConfiguration")) {
                permitted.add(permission(new PolicyEvaluation.Request(principal, action, "arn:aws:s3:::" + BUCKET)));
            }
        }
        assertEquals(List.of(), permitted.stream().filter(r -> !r.isEmpty()).toList());
    }

    private static String permission(PolicyEvaluation.Request request) {
        return asAdministrator(request) ? request.principalArn() + " may " + request.action() : "";
    }

    private static boolean asAdministrator(PolicyEvaluation.Request request) {
        return PolicyEvaluation.allows(PolicyEvaluation.ADMINISTRATOR_ACCESS, DEPLOYMENT.resourcePolicy(request.resource()), request);
    }

    /** The verify function's role: every statement of every inline policy template.yaml gives it. */
    @SuppressWarnings("unchecked")
    private static boolean asVerifyRole(PolicyEvaluation.Request request) {
        var statements = new ArrayList<Object>();
        for (var policy : (List<Map<String, Object>>) DEPLOYMENT.properties("VerifyFunctionRole").get("Policies")) {
            statements.addAll((List<Object>) ((Map<String, Object>) policy.get("PolicyDocument")).get("Statement"));
        }
        return PolicyEvaluation.allows(Map.of("Version", "2012-10-17", "Statement", statements),
                DEPLOYMENT.resourcePolicy(request.resource()), request);
    }
}
