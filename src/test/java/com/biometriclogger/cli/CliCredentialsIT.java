package com.biometriclogger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.local.facebackend.FixedFaceBackend;
import com.biometriclogger.local.stack.LocalKms;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.local.stack.LoopbackHttpServer;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code target/bin/verify} run as a person with {@code aws configure} runs it: no keys in the
 * environment, a profile in the AWS CLI's files, in a home of its own. The local KMS records which
 * access key id signed each request, so the test sees whose credentials arrived.
 */
class CliCredentialsIT {

    private static final String TABLE = "cli-credentials-audit";
    /** DynamoDB Local keeps one database per access key id: the profiles' keys must be the stack's to find its table. */
    private static final String STACK_KEY = LocalStack.ACCESS_KEY;

    private static LocalStack stack;

    @TempDir
    Path home;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start(new FixedFaceBackend());
        stack.createAuditTable(TABLE);
    }

    @AfterAll
    static void stopStack() {
        stack.close();
    }

    @Test
    void theNamedProfileOfTheNamedFilesSignsTheRequestsNotTheDefaultOne() throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), """
                [default]
                aws_access_key_id = DEFAULTPROFILEKEY
                aws_secret_access_key = default-secret
                """);
        Path credentials = Files.writeString(home.resolve("team-credentials"), "[auditor]\naws_access_key_id = " + STACK_KEY
                + "\naws_secret_access_key = " + LocalStack.SECRET_KEY + "\n");
        Path config = Files.writeString(home.resolve("team-config"), "[profile auditor]\nregion = us-east-1\n");

        var run = verify(Map.of("AWS_PROFILE", "auditor", "AWS_SHARED_CREDENTIALS_FILE", credentials.toString(),
                "AWS_CONFIG_FILE", config.toString()), "--commitments", LocalStack.commitmentArchive(TABLE));

        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().strip().endsWith("RESULT: INTACT"), run.toString());
        assertEquals(Set.of(STACK_KEY), stack.kms().accessKeyIds(), "only the auditor profile's key reached KMS");
    }

    @Test
    void keysInTheEnvironmentWinOverTheProfileAsInTheAwsCli() throws Exception {
        Path credentials = Files.writeString(home.resolve("credentials"), """
                [default]
                aws_access_key_id = PROFILEKEY
                aws_secret_access_key = profile-secret
                """);

        var run = verify(Map.of("AWS_ACCESS_KEY_ID", STACK_KEY, "AWS_SECRET_ACCESS_KEY", LocalStack.SECRET_KEY,
                "AWS_REGION", "us-east-1", "AWS_SHARED_CREDENTIALS_FILE", credentials.toString()), "--commitments",
                LocalStack.commitmentArchive(TABLE));

        assertEquals(0, run.status(), run.toString());
        assertTrue(!stack.kms().accessKeyIds().contains("PROFILEKEY"), "the profile was not used: " + stack.kms().accessKeyIds());
    }

    @Test
    void anAssumedRoleProfileAsksStsWithItsSourceProfileAndSignsWithTheRoleCredentials() throws Exception {
        Set<String> stsCallers = ConcurrentHashMap.newKeySet();
        Set<String> stsRequests = ConcurrentHashMap.newKeySet();
        HttpServer sts = LoopbackHttpServer.start(0, "/", "local-sts", exchange -> {
            try (exchange) {
                var credential = Pattern.compile("Credential=([^/]+)/").matcher(
                        String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                stsCallers.add(credential.find() ? credential.group(1) : "unsigned");
                stsRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] answer = assumeRoleResponse(STACK_KEY, LocalStack.SECRET_KEY).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/xml");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        try {
            Path credentials = Files.writeString(home.resolve("credentials"), """
                    [base]
                    aws_access_key_id = BASEPROFILEKEY
                    aws_secret_access_key = base-secret
                    """);
            Path config = Files.writeString(home.resolve("config"), """
                    [profile auditor]
                    role_arn = arn:aws:iam::000000000000:role/auditor-role
                    source_profile = base
                    region = us-east-1
                    """);

            var run = verify(Map.of("AWS_PROFILE", "auditor", "AWS_SHARED_CREDENTIALS_FILE", credentials.toString(),
                    "AWS_CONFIG_FILE", config.toString(),
                    "AWS_ENDPOINT_URL_STS", "http://127.0.0.1:" + sts.getAddress().getPort()));

            // S3Proxy refuses a session token (501), so this run reads no commitments: nothing found, not INTACT.
            assertEquals(3, run.status(), run.toString());
            assertTrue(run.out().contains("RESULT: NOT VERIFIED AGAINST THE COMMITMENTS"), run.toString());
            assertEquals(Set.of("BASEPROFILEKEY"), stsCallers, "the source profile asked STS for the role");
            assertTrue(stsRequests.stream().allMatch(body -> body.contains("Action=AssumeRole")
                    && body.contains("auditor-role")), stsRequests.toString());
            assertTrue(stack.kms().accessKeyIds().contains(STACK_KEY) && !stack.kms().accessKeyIds().contains("BASEPROFILEKEY"),
                    "KMS saw the role's credentials, not the source profile's: " + stack.kms().accessKeyIds());
        } finally {
            sts.stop(0);
        }
    }

    @Test
    void noCredentialsAnywhereIsOneLineNamingWhatWasTriedAndExit2() throws Exception {
        var run = verify(Map.of("AWS_PROFILE", "auditor", "AWS_REGION", "us-east-1"));

        assertEquals(2, run.status(), run.toString());
        assertEquals("", run.out(), run.toString());
        assertEquals(List.of("verify: no credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set, and profile "
                + "'auditor' (AWS_PROFILE) is in neither " + home.resolve(".aws/credentials") + " nor "
                + home.resolve(".aws/config") + " (run aws configure, or export the keys)"), run.err().lines().toList());
    }

    private record Run(int status, String out, String err) {
    }

    /** The launcher in a clean environment: no AWS_* variable but the local endpoints and {@code extra}; HOME is the temp dir. */
    private Run verify(Map<String, String> extra, String... options) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of("target/bin/verify", "--table", TABLE, "--kms-key-id", LocalKms.KEY_ARN,
                "--seal-kms-key-id", LocalKms.SEAL_KEY_ARN));
        command.addAll(List.of(options));
        var builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.putAll(new HashMap<>(Map.of("HOME", home.toString(),
                "AWS_ENDPOINT_URL_DYNAMODB", stack.dynamoDbEndpoint().toString(),
                "AWS_ENDPOINT_URL_KMS", stack.kms().endpoint().toString(),
                "AWS_ENDPOINT_URL_S3", stack.s3Endpoint().toString())));
        env.putAll(extra);
        var process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "verify did not finish");
        return new Run(process.exitValue(), out, err);
    }

    private static String assumeRoleResponse(String accessKeyId, String secret) {
        return """
                <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <AssumeRoleResult>
                    <Credentials>
                      <AccessKeyId>%s</AccessKeyId>
                      <SecretAccessKey>%s</SecretAccessKey>
                      <SessionToken>local-session-token</SessionToken>
                      <Expiration>2099-01-01T00:00:00Z</Expiration>
                    </Credentials>
                    <AssumedRoleUser>
                      <AssumedRoleId>AROALOCAL:verify</AssumedRoleId>
                      <Arn>arn:aws:sts::000000000000:assumed-role/auditor-role/verify</Arn>
                    </AssumedRoleUser>
                  </AssumeRoleResult>
                  <ResponseMetadata><RequestId>local</RequestId></ResponseMetadata>
                </AssumeRoleResponse>
                """.formatted(accessKeyId, secret);
    }
}
