package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.biometriclogger.template.PolicyEvaluation.Request;
import com.biometriclogger.template.PolicyEvaluation.ResourcePolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link PolicyEvaluation} against the IAM User Guide's "Policy evaluation logic" (explicit deny, implicit deny,
 * identity and resource policies in one account, KMS key policies) and the JSON policy element reference
 * ("Condition operators", "Condition keys that are not present", "Single-valued vs multivalued context keys",
 * "Principal", "NotAction", "NotResource"), one documented rule a case.
 */
class PolicyEvaluationTest {

    private static final String ALICE = "arn:aws:iam::123456789012:role/alice";
    private static final String BUCKET_OBJECT = "arn:aws:s3:::reports/2026/q1.csv";
    private static final Request GET = new Request(ALICE, "s3:GetObject", BUCKET_OBJECT);

    private static Map<String, Object> policy(Map<?, ?>... statements) {
        return Map.of("Version", "2012-10-17", "Statement", List.of(statements));
    }

    private static Map<String, Object> allow(String action, String resource) {
        return Map.of("Effect", "Allow", "Action", action, "Resource", resource);
    }

    private static boolean allows(Map<String, Object> identity, Request request) {
        return PolicyEvaluation.allows(identity, Optional.empty(), request);
    }

    @Test
    void withoutAnAllowTheRequestIsImplicitlyDenied() {
        assertEquals(false, allows(policy(), GET));
        assertEquals(false, allows(policy(allow("s3:PutObject", "*")), GET));
    }

    @Test
    void anExplicitDenyWinsOverAnyAllowInEitherPolicy() {
        var deny = Map.of("Effect", "Deny", "Action", "s3:*", "Resource", "*");
        var bucketAllows = new ResourcePolicy(policy(Map.of("Effect", "Allow", "Principal", Map.of("AWS", ALICE),
                "Action", "s3:GetObject", "Resource", BUCKET_OBJECT)), false);
        var bucketDenies = new ResourcePolicy(policy(Map.of("Effect", "Deny", "Principal", "*", "Action", "s3:GetObject",
                "Resource", BUCKET_OBJECT)), false);

        assertEquals(false, allows(policy(allow("*", "*"), deny), GET));
        assertEquals(false, PolicyEvaluation.allows(policy(deny), Optional.of(bucketAllows), GET));
        assertEquals(false, PolicyEvaluation.allows(PolicyEvaluation.ADMINISTRATOR_ACCESS, Optional.of(bucketDenies), GET));
    }

    @Test
    void inOneAccountAnAllowInTheIdentityOrTheResourcePolicyIsEnough() {
        var bucketAllows = new ResourcePolicy(policy(Map.of("Effect", "Allow", "Principal", Map.of("AWS", ALICE),
                "Action", "s3:GetObject", "Resource", BUCKET_OBJECT)), false);

        assertEquals(true, PolicyEvaluation.allows(policy(), Optional.of(bucketAllows), GET));
        assertEquals(true, PolicyEvaluation.allows(policy(allow("s3:GetObject", BUCKET_OBJECT)), Optional.empty(), GET));
    }

    @Test
    void aKeyPolicyMustAllowEitherTheCallerOrTheAccountWhichHandsTheDecisionToIam() {
        var sign = new Request(ALICE, "kms:Sign", "arn:aws:kms:eu-west-1:123456789012:key/k");
        var account = new ResourcePolicy(policy(Map.of("Effect", "Allow", "Principal",
                Map.of("AWS", "arn:aws:iam::123456789012:root"), "Action", "kms:*", "Resource", "*")), true);
        var nobody = new ResourcePolicy(policy(), true);

        assertEquals(true, PolicyEvaluation.allows(PolicyEvaluation.ADMINISTRATOR_ACCESS, Optional.of(account), sign));
        assertEquals(false, PolicyEvaluation.allows(policy(), Optional.of(account), sign), "the account allows, IAM does not");
        assertEquals(false, PolicyEvaluation.allows(PolicyEvaluation.ADMINISTRATOR_ACCESS, Optional.of(nobody), sign));
    }

    @Test
    void principalAwsStarIsEveryAwsPrincipalAsStarIs() {
        var denyAll = new ResourcePolicy(policy(Map.of("Effect", "Deny", "Principal", Map.of("AWS", "*"),
                "Action", "s3:GetObject", "Resource", BUCKET_OBJECT)), false);

        assertEquals(false, PolicyEvaluation.allows(PolicyEvaluation.ADMINISTRATOR_ACCESS, Optional.of(denyAll), GET));
    }

    @Test
    void actionsMatchWildcardsIgnoringCaseAndResourcesMatchWildcardsByCase() {
        assertEquals(true, allows(policy(allow("s3:Get*", "arn:aws:s3:::reports/*")), GET));
        assertEquals(true, allows(policy(allow("S3:getobject", BUCKET_OBJECT)), GET));
        assertEquals(true, allows(policy(allow("s3:GetObjec?", "arn:aws:s3:::reports/2026/q?.csv")), GET));
        assertEquals(false, allows(policy(allow("s3:*", "arn:aws:s3:::Reports/*")), GET));
        assertEquals(false, allows(policy(allow("s3:List*", "*")), GET));
    }

    @Test
    void notActionAndNotResourceMatchEverythingTheyDoNotName() {
        var allButDelete = Map.of("Effect", "Allow", "NotAction", "s3:Delete*", "Resource", "*");
        var elsewhere = Map.of("Effect", "Allow", "Action", "s3:*", "NotResource", "arn:aws:s3:::reports/*");

        assertEquals(true, allows(policy(allButDelete), GET));
        assertEquals(false, allows(policy(allButDelete), new Request(ALICE, "s3:DeleteObject", BUCKET_OBJECT)));
        assertEquals(false, allows(policy(elsewhere), GET));
        assertEquals(true, allows(policy(elsewhere), new Request(ALICE, "s3:GetObject", "arn:aws:s3:::other/x")));
    }

    @Test
    void aMissingKeyFailsAPositiveOperatorAndSatisfiesANegatedOne() {
        var ifTagged = Map.of("Effect", "Allow", "Action", "s3:GetObject", "Resource", "*",
                "Condition", Map.of("StringEquals", Map.of("aws:PrincipalTag/team", "audit")));
        var unlessTagged = Map.of("Effect", "Allow", "Action", "s3:GetObject", "Resource", "*",
                "Condition", Map.of("StringNotEquals", Map.of("aws:PrincipalTag/team", "audit")));

        assertEquals(false, allows(policy(ifTagged), GET));
        assertEquals(true, allows(policy(unlessTagged), GET));
        assertEquals(true, allows(policy(ifTagged), GET.withContext("aws:PrincipalTag/team", "audit")));
        assertEquals(false, allows(policy(unlessTagged), GET.withContext("aws:PrincipalTag/team", "audit")));
    }

    @Test
    void nullTestsWhetherTheKeyIsAbsent() {
        var onlyWithoutMfaAge = Map.of("Effect", "Allow", "Action", "s3:GetObject", "Resource", "*",
                "Condition", Map.of("Null", Map.of("aws:MultiFactorAuthAge", "true")));

        assertEquals(true, allows(policy(onlyWithoutMfaAge), GET));
        assertEquals(false, allows(policy(onlyWithoutMfaAge), GET.withContext("aws:MultiFactorAuthAge", "30")));
    }

    @Test
    void arnNotEqualsDeniesEveryoneButTheNamedRolesAndArnOperatorsTakeWildcards() {
        var onlyTheSigner = Map.of("Effect", "Deny", "Action", "kms:Sign", "Resource", "*", "Condition",
                Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", List.of("arn:aws:iam::123456789012:role/signer",
                        "arn:aws:iam::123456789012:role/break-glass"))));
        var admin = policy(allow("*", "*"), onlyTheSigner);
        String key = "arn:aws:kms:eu-west-1:123456789012:key/k";

        assertEquals(false, allows(admin, new Request(ALICE, "kms:Sign", key)));
        assertEquals(true, allows(admin, new Request("arn:aws:iam::123456789012:role/signer", "kms:Sign", key)));
        assertEquals(true, allows(admin, new Request("arn:aws:iam::123456789012:role/break-glass", "kms:Sign", key)));
        var anyRole = Map.of("Effect", "Allow", "Action", "kms:Sign", "Resource", "*",
                "Condition", Map.of("ArnLike", Map.of("aws:PrincipalArn", "arn:aws:iam::123456789012:role/*")));
        assertEquals(true, allows(policy(anyRole), new Request(ALICE, "kms:Sign", key)));
    }

    @Test
    void conditionKeyNamesIgnoreCaseButValuesDoNot() {
        var lowerCaseKey = Map.of("Effect", "Allow", "Action", "s3:GetObject", "Resource", "*",
                "Condition", Map.of("StringEquals", Map.of("aws:principalarn", ALICE)));
        var otherCaseValue = Map.of("Effect", "Allow", "Action", "s3:GetObject", "Resource", "*",
                "Condition", Map.of("StringEquals", Map.of("aws:PrincipalArn", ALICE.toUpperCase(java.util.Locale.ROOT))));

        assertEquals(true, allows(policy(lowerCaseKey), GET));
        assertEquals(false, allows(policy(otherCaseValue), GET));
    }

    @Test
    void setOperatorsOnAnAbsentKeyForAnyValueFailsAndForAllValuesHolds() {
        var anyValue = Map.of("Effect", "Allow", "Action", "dynamodb:PutItem", "Resource", "*",
                "Condition", Map.of("ForAnyValue:StringLike", Map.of("dynamodb:LeadingKeys", "erasure-*")));
        var allValues = Map.of("Effect", "Allow", "Action", "dynamodb:PutItem", "Resource", "*",
                "Condition", Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", "erasure-*")));
        var put = new Request(ALICE, "dynamodb:PutItem", "arn:aws:dynamodb:eu-west-1:123456789012:table/t");

        assertEquals(false, allows(policy(anyValue), put));
        assertEquals(true, allows(policy(allValues), put), "ForAllValues of nothing holds: pair it with Null");
        assertEquals(true, allows(policy(anyValue), put.withContext("dynamodb:LeadingKeys", "erasure-1")));
        assertEquals(false, allows(policy(allValues), put.withContext("dynamodb:LeadingKeys", "decision-1")));
    }

    @Test
    void whatItCannotEvaluateFailsTheTestInsteadOfGuessing() {
        var notPrincipal = new ResourcePolicy(policy(Map.of("Effect", "Deny", "NotPrincipal", Map.of("AWS", ALICE),
                "Action", "*", "Resource", "*")), false);
        var ipCondition = Map.of("Effect", "Allow", "Action", "*", "Resource", "*",
                "Condition", Map.of("IpAddress", Map.of("aws:SourceIp", "203.0.113.0/24")));

        assertThrows(AssertionError.class, () -> PolicyEvaluation.allows(policy(), Optional.of(notPrincipal), GET));
        assertThrows(AssertionError.class, () -> allows(policy(ipCondition), GET.withContext("aws:SourceIp", "203.0.113.9")));
    }
}
