package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The upload bucket's policy evaluated as IAM evaluates it, for principals of the account whose own
 * identity policy allows everything (AdministratorAccess): the bucket's denies are all that stands
 * between them and an enrolment, or an image stored under another key.
 */
class UploadBucketPolicyTest {

    private static final String ADMIN = "arn:aws:iam::" + Deployment.ACCOUNT + ":role/Admin";
    private static final String OBJECTS = "arn:aws:s3:::" + Deployment.UPLOAD_BUCKET + "/";
    private static final String OTHER_KEY = "arn:aws:kms:eu-west-1:123456789012:key/0d1e2f30-0000-4000-8000-0000000000ff";
    private static final Deployment DEPLOYMENT = Deployment.defaults();

    @Test
    void anAdministratorOtherThanTheEnrolmentPrincipalCannotPutOrDeleteAReference() {
        for (String action : new String[] {"s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion"}) {
            for (String reference : new String[] {"references/alice.jpg", "references/alice/glasses.jpg"}) {
                assertFalse(allows(request(ADMIN, action, reference)), action + " " + reference);
            }
        }
    }

    @Test
    void theEnrolmentPrincipalPutsAReferenceAndTheAdministratorUploads() {
        assertTrue(allows(request(Deployment.ENROLMENT_ROLE, "s3:PutObject", "references/alice.jpg")));
        assertTrue(allows(request(Deployment.ENROLMENT_ROLE, "s3:PutObject", "references/alice/glasses.jpg")));
        assertTrue(allows(request(ADMIN, "s3:PutObject", "uploads/door-1.jpg")));
    }

    @Test
    void anUploadAskingForOtherEncryptionIsRefused() {
        assertFalse(allows(request(ADMIN, "s3:PutObject", "uploads/door-1.jpg")
                .withContext("s3:x-amz-server-side-encryption", "AES256")));
    }

    @Test
    void anUploadUnderAnotherKmsKeyIsRefusedAndOneUnderTheStacksKeyIsNot() {
        var kms = request(ADMIN, "s3:PutObject", "uploads/door-1.jpg").withContext("s3:x-amz-server-side-encryption", "aws:kms");
        String dataKey = (String) DEPLOYMENT.resolve(Map.of("Fn::GetAtt", List.of("DataKey", "Arn")));

        assertFalse(allows(kms.withContext("s3:x-amz-server-side-encryption-aws-kms-key-id", OTHER_KEY)));
        assertTrue(allows(kms.withContext("s3:x-amz-server-side-encryption-aws-kms-key-id", dataKey)));
    }

    @Test
    void withSseS3AKmsUploadIsRefused() {
        var sseS3 = DEPLOYMENT.with("UploadEncryption", "SSE-S3");
        var kms = request(ADMIN, "s3:PutObject", "uploads/door-1.jpg").withContext("s3:x-amz-server-side-encryption", "aws:kms");

        assertFalse(PolicyEvaluation.allows(PolicyEvaluation.ADMINISTRATOR_ACCESS, sseS3.resourcePolicy(kms.resource()), kms));
    }

    private static PolicyEvaluation.Request request(String principal, String action, String key) {
        return new PolicyEvaluation.Request(principal, action, OBJECTS + key);
    }

    private static boolean allows(PolicyEvaluation.Request request) {
        return PolicyEvaluation.allows(PolicyEvaluation.ADMINISTRATOR_ACCESS, DEPLOYMENT.resourcePolicy(request.resource()), request);
    }
}
