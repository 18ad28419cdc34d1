package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands docs/deploy.md tells a user to run, on a deployed stack's names: the outputs print them
 * whole (the CLIs' default seal table, {@code <table>-seals}, is not what CloudFormation names it), and
 * docs/fill-from-stack.sh says why describe-stacks failed instead of reporting a missing output.
 */
class StackCommandsTest {

    private static final String SEAL_TABLE = "biometric-logger-SealTable-6F5E4D3C2B1A";
    private static final String AUDIT_TABLE = "biometric-logger-AuditTable-1A2B3C4D5E6F";

    @Test
    void verifyAndEraseOutputsNameTheStacksOwnSealTable() {
        var outputs = Deployment.defaults().outputs();

        assertTrue(outputs.get("VerifyEvidenceCommand").startsWith(
                "target/bin/verify --table " + AUDIT_TABLE + " --seal-table " + SEAL_TABLE + " "), outputs.get("VerifyEvidenceCommand"));
        assertEquals("target/bin/erase --table " + AUDIT_TABLE + " --seal-table " + SEAL_TABLE + " --bucket "
                + Deployment.UPLOAD_BUCKET + " --kms-key-id arn:aws:kms:eu-west-1:123456789012:key/0d1e2f30-0000-4000-8000-000000000002"
                + " --upload-prefix uploads/ --reference-prefix references/"
                + " --commitments s3://" + outputs.get("SealArchiveBucketName") + "/commitments/ --subject SUBJECT --legal-basis BASIS --request REQUEST",
                outputs.get("EraseCommand"));
        assertEquals("target/bin/review --table " + AUDIT_TABLE + " --kms-key-id arn:aws:kms:eu-west-1:123456789012:key/"
                + "0d1e2f30-0000-4000-8000-000000000002 --commitments s3://" + outputs.get("SealArchiveBucketName")
                + "/commitments/", outputs.get("ReviewCommand"), "review commits its records as erase does");
        assertEquals("aws dynamodb scan --table-name " + AUDIT_TABLE, outputs.get("ScanCommand"));
    }

    @Test
    void fillFromStackReportsAFailedDescribeStacksAsItIs(@TempDir Path bin) throws Exception {
        fakeAws(bin, "echo 'An error occurred (ValidationError) when calling the DescribeStacks operation: "
                + "Stack with id sam-app does not exist' >&2; exit 254");

        var result = fill(bin, "sam-app");

        assertEquals(1, result.exitCode());
        assertTrue(result.stderr().contains("Stack with id sam-app does not exist"), result.stderr());
        assertTrue(result.stderr().contains("describe-stacks --stack-name sam-app failed"), result.stderr());
    }

    @Test
    void fillFromStackFillsEveryOutputTheTemplateNames(@TempDir Path bin) throws Exception {
        fakeAws(bin, "[ \"$*\" = \"cloudformation describe-stacks --stack-name my-stack --query "
                + "Stacks[0].Outputs[].[OutputKey,OutputValue] --output text\" ] || exit 9; "
                + "printf 'AuditTableArn\\tarn:audit\\nSealTableArn\\tarn:seals\\nUploadBucketArn\\tarn:bucket\\n"
                + "SigningKeyArn\\tarn:key\\nDataKeyArn\\tarn:data\\nSealSigningKeyArn\\tarn:sealkey\\n"
                + "CommitmentArchiveArn\\tarn:commitments\\n'");

        var result = fill(bin, "my-stack");

        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().contains("\"Resource\": \"arn:audit\""), result.stdout());
        assertTrue(!result.stdout().contains("${"), result.stdout());
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static void fakeAws(Path bin, String body) throws Exception {
        Path aws = bin.resolve("aws");
        Files.writeString(aws, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Result fill(Path bin, String stack) throws Exception {
        var process = new ProcessBuilder(List.of("bash", "docs/fill-from-stack.sh", stack, "docs/break-glass-role-policy.json"));
        process.environment().put("PATH", bin + ":/usr/bin:/bin");
        var started = process.start();
        String out = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(started.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(started.waitFor(), out, err);
    }
}
