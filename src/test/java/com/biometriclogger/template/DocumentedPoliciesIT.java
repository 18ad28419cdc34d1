package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The policies under docs/ that the operator applies outside the stack (a replacement key's key policy,
 * the break-glass role's identity policy), filled by docs/fill-from-stack.sh from the stack's outputs,
 * with a stand-in {@code aws} that answers describe-stacks with the outputs of a deployment of the
 * template. A replacement key gets exactly the policy the template gives the stack's own key, so the
 * deny that leaves one role (and the break-glass role) able to sign cannot drift.
 */
class DocumentedPoliciesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{1} with break-glass role ''{2}''")
    @CsvSource({
            "docs/signing-key-policy.json, SigningKey, ''",
            "docs/signing-key-policy.json, SigningKey, arn:aws:iam::123456789012:role/erasure",
            "docs/seal-signing-key-policy.json, SealSigningKey, ''",
            "docs/seal-signing-key-policy.json, SealSigningKey, arn:aws:iam::123456789012:role/erasure"})
    void aReplacementKeyGetsThePolicyTheTemplateGivesItsOwnKey(String file, String key, String breakGlass) throws Exception {
        var deployment = Deployment.defaults().with("BreakGlassRoleArn", breakGlass);

        var documented = JSON.readTree(filledFromOutputs(deployment, file));
        var template = JSON.valueToTree(deployment.properties(key).get("KeyPolicy"));

        assertEquals(normalised(template), normalised(documented));
    }

    /** Once a replacement signs, the stack's own key signs for nobody, and stays for verifying. */
    @Test
    @SuppressWarnings("unchecked")
    void theStacksOwnKeySignsForNobodyOnceReplaced() {
        var replaced = Deployment.defaults().with("BreakGlassRoleArn", Deployment.BREAK_GLASS_ROLE)
                .with("ReplacementSigningKeyArn", "arn:aws:kms:eu-west-1:123456789012:key/0d1e2f30-0000-4000-8000-00000000000a");
        var policy = (Map<String, Object>) replaced.properties("SigningKey").get("KeyPolicy");
        String key = replaced.outputs().get("SigningKeyArn");
        assertTrue(replaced.outputs().get("VerifyEvidenceCommand").contains("--kms-key-id " + key), "verify trusts both keys");
        assertEquals(key, replaced.property("VerifyFunction", "Environment", "Variables", "SIGNING_KEY_ARN"),
                "the function signs with the replacement");

        for (String signer : List.of(Deployment.VERIFY_ROLE, Deployment.BREAK_GLASS_ROLE)) {
            var sign = new PolicyEvaluation.Request(signer, "kms:Sign", key);
            assertFalse(PolicyEvaluation.allows(PolicyEvaluation.ADMINISTRATOR_ACCESS,
                    Optional.of(new PolicyEvaluation.ResourcePolicy(policy, true)), sign), signer);
        }
    }

    /** A placeholder the stack has no output for stops the script: no half-filled policy reaches AWS. */
    @Test
    void aPlaceholderWithoutAnOutputStopsTheScript() throws Exception {
        Path policy = Files.createTempFile("policy", ".json");
        Files.writeString(policy, "{\"Resource\": \"${NoSuchOutput}\"}");

        var result = fill(Deployment.defaults(), policy.toString());

        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("has no output ${NoSuchOutput}"), result.output());
    }

    /** The policy file as docs/fill-from-stack.sh prints it for the deployment. */
    static String filledFromOutputs(Deployment deployment, String file) throws IOException, InterruptedException {
        var result = fill(deployment, file);
        assertEquals(0, result.exitCode(), result.output());
        return result.output();
    }

    private static PolicyTools.Result fill(Deployment deployment, String file) throws IOException, InterruptedException {
        Path bin = Files.createTempDirectory("fake-aws");
        Path outputs = bin.resolve("outputs.tsv");
        Files.writeString(outputs, deployment.outputs().entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
        Path aws = bin.resolve("aws");
        Files.writeString(aws, """
                #!/usr/bin/env bash
                [[ "$*" == "cloudformation describe-stacks --stack-name biometric-logger --query Stacks[0].Outputs[].[OutputKey,OutputValue] --output text" ]] \\
                    || { echo "unexpected: aws $*" >&2; exit 9; }
                cat "%s"
                """.formatted(outputs));
        aws.toFile().setExecutable(true);
        return PolicyTools.run(List.of("bash", "-c", "PATH=\"$0:$PATH\" docs/fill-from-stack.sh biometric-logger \"$1\"",
                bin.toString(), file));
    }

    /** Lists as sets, a one-element list as its element: how IAM reads them. */
    private static JsonNode normalised(JsonNode node) {
        if (node.isArray()) {
            var elements = new LinkedHashSet<JsonNode>();
            node.forEach(element -> elements.add(normalised(element)));
            if (elements.size() == 1) {
                return elements.iterator().next();
            }
            ArrayNode sorted = JSON.createArrayNode();
            elements.stream().sorted(Comparator.comparing(JsonNode::toString)).forEach(sorted::add);
            return sorted;
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.properties().forEach(e -> copy.set(e.getKey(), normalised(e.getValue())));
            return copy;
        }
        return node;
    }
}
