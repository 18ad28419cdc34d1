package com.biometriclogger.template;

import static com.biometriclogger.template.TemplateParts.BREAK_GLASS_WHEN_SET;
import static com.biometriclogger.template.TemplateParts.TEMPLATE;
import static com.biometriclogger.template.TemplateParts.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Who may enrol a face in template.yaml, and how long a replaced reference photo stays. */
class ReferenceImagesTest {

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheEnrolmentPrincipalMayWriteOrDeleteReferences() {
        var statements = (List<Object>) ((Map<String, Object>) properties("UploadBucketPolicy").get("PolicyDocument"))
                .get("Statement");
        var enrolment = statements.stream()
                .filter(s -> s instanceof Map<?, ?> m && "OnlyTheEnrolmentPrincipalEnrols".equals(m.get("Sid")))
                .map(s -> (Map<String, Object>) s)
                .findFirst().orElseThrow(() -> new AssertionError("no enrolment statement in the bucket policy"));

        assertEquals("Deny", enrolment.get("Effect"));
        assertEquals("*", enrolment.get("Principal"));
        assertEquals(List.of("s3:PutObject", "s3:DeleteObject"), enrolment.get("Action"));
        assertEquals(Map.of("Fn::Sub", "${UploadBucket.Arn}/${ReferencePrefix}*"), enrolment.get("Resource"));
        assertEquals(Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", Map.of("Ref", "EnrolmentPrincipalArn"))),
                enrolment.get("Condition"));
        var versions = statements.stream()
                .filter(s -> s instanceof Map<?, ?> m && "OnlyTheEnrolmentPrincipalAndErasureDeleteReferenceVersions".equals(m.get("Sid")))
                .map(s -> (Map<String, Object>) s).findFirst().orElseThrow();
        assertEquals(Map.of("Sid", "OnlyTheEnrolmentPrincipalAndErasureDeleteReferenceVersions", "Effect", "Deny", "Principal", "*",
                "Action", "s3:DeleteObjectVersion", "Resource", Map.of("Fn::Sub", "${UploadBucket.Arn}/${ReferencePrefix}*"),
                "Condition", Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", List.of(Map.of("Ref", "EnrolmentPrincipalArn"),
                        BREAK_GLASS_WHEN_SET)))), versions, "erase deletes reference versions as the break-glass role");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEnrolmentPrincipalMustBeNamedAsARoleOrUserArn() {
        var parameter = (Map<String, Object>) ((Map<String, Object>) TEMPLATE.get("Parameters")).get("EnrolmentPrincipalArn");
        var pattern = Pattern.compile((String) parameter.get("AllowedPattern"));

        assertFalse(parameter.containsKey("Default"), "a default would let a deploy skip the choice");
        assertTrue(pattern.matcher("arn:aws:iam::123456789012:role/enrolment").matches());
        assertTrue(pattern.matcher("arn:aws-us-gov:iam::123456789012:user/ops/alice").matches());
        assertFalse(pattern.matcher("").matches());
        assertFalse(pattern.matcher("*").matches());
        assertFalse(pattern.matcher("arn:aws:iam::123456789012:root").matches());
        assertFalse(pattern.matcher("arn:aws:iam::123456789012:role/*").matches());
    }

    @Test
    @SuppressWarnings("unchecked")
    void replacedReferencePhotosExpireADayLater() {
        var rules = (List<Map<String, Object>>) ((Map<String, Object>) properties("UploadBucket").get("LifecycleConfiguration"))
                .get("Rules");
        var references = rules.stream().filter(r -> Map.of("Ref", "ReferencePrefix").equals(r.get("Prefix"))).findFirst().orElseThrow();

        assertEquals("Enabled", references.get("Status"));
        assertEquals(Map.of("NoncurrentDays", 1), references.get("NoncurrentVersionExpiration"));
        assertFalse(references.containsKey("ExpirationInDays"), "the current reference stays until replaced or erased");
    }
}
