package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.biometriclogger.decision.ErasureRecord;
import com.biometriclogger.decision.ReviewRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the reviewer role may do to the evidence in a deployment of template.yaml, even with
 * AdministratorAccess: sign with the item key and put review records, and nothing else the review
 * command's writes could be turned to (a decision overwritten, an erasure record put, a review
 * deleted). IAM cannot require the command's attribute_not_exists: a review put over a review is
 * the one write left, which the change alarm announces and verify names once sealed (ReviewIT).
 */
class ReviewerRoleTest {

    private static final String REVIEWER = "arn:aws:iam::" + Deployment.ACCOUNT + ":role/reviewer";
    private static final String ADMIN = "arn:aws:iam::" + Deployment.ACCOUNT + ":role/Admin";
    private static final String DECISION = "d".repeat(64);
    private static final Deployment WITH_REVIEWER = Deployment.defaults().with("ReviewerRoleArn", REVIEWER)
            .with("BreakGlassRoleArn", Deployment.BREAK_GLASS_ROLE);

    @Test
    void theReviewerSignsAndPutsReviewRecordsAndNothingElse() {
        assertEquals(List.of("kms:Sign", "PutItem " + ReviewRecord.idFor(DECISION)), allowed(WITH_REVIEWER, REVIEWER));
    }

    @Test
    void nobodyElsePutsAReviewRecordOrDeletesOne() {
        assertEquals(List.of(), allowed(WITH_REVIEWER, ADMIN));
        assertEquals(List.of("kms:Sign", "PutItem " + ErasureRecord.idFor(DECISION), "DeleteItem " + DECISION),
                allowed(WITH_REVIEWER, Deployment.BREAK_GLASS_ROLE));
    }

    @Test
    void withoutTheParameterTheReviewerRoleIsRefusedEveryWrite() {
        assertEquals(List.of(), allowed(Deployment.defaults(), REVIEWER));
    }

    /** The writes of evidence tried, as "action key" for the table, "kms:Sign" for the key, that {@code principal} may make. */
    private static List<String> allowed(Deployment deployment, String principal) {
        String table = (String) deployment.resolve(Map.of("Fn::GetAtt", List.of("AuditTable", "Arn")));
        var sign = new PolicyEvaluation.Request(principal, "kms:Sign", deployment.outputs().get("SigningKeyArn"));
        var tries = new java.util.ArrayList<>(List.of(Map.entry("kms:Sign", sign)));
        for (String key : List.of(ReviewRecord.idFor(DECISION), DECISION, ErasureRecord.idFor(DECISION))) {
            tries.add(Map.entry("PutItem " + key, new PolicyEvaluation.Request(principal, "dynamodb:PutItem", table)
                    .withContext("dynamodb:LeadingKeys", key)));
        }
        for (String key : List.of(ReviewRecord.idFor(DECISION), DECISION)) {
            tries.add(Map.entry("DeleteItem " + key, new PolicyEvaluation.Request(principal, "dynamodb:DeleteItem", table)
                    .withContext("dynamodb:LeadingKeys", key)));
        }
        return tries.stream().filter(t -> PolicyEvaluation.allows(PolicyEvaluation.ADMINISTRATOR_ACCESS,
                deployment.resourcePolicy(t.getValue().resource()), t.getValue())).map(Map.Entry::getKey).toList();
    }
}
