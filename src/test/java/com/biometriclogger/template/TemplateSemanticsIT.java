package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The template semantics rules pass on the SAM-expanded template, and each one bites when broken. */
class TemplateSemanticsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theExpandedTemplateMeetsEverySemanticsRule() throws Exception {
        var semantics = new TemplateSemantics(JSON.readTree(PolicyTools.expandedTemplate().toFile()));

        assertEquals(List.of(), semantics.all());
    }

    private static Arguments breaks(String change, Function<TemplateSemantics, List<String>> rule, String expected,
            Consumer<ObjectNode> breakIt) {
        return Arguments.of(change, rule, expected, breakIt);
    }

    static Stream<Arguments> brokenTemplates() {
        Function<TemplateSemantics, List<String>> keys = TemplateSemantics::keyPolicyServicePrincipals;
        Function<TemplateSemantics, List<String>> permissions = TemplateSemantics::lambdaPermissionsNameTheirSource;
        Function<TemplateSemantics, List<String>> logs = TemplateSemantics::logGroupsAreEncryptedAndRetained;
        Function<TemplateSemantics, List<String>> via = TemplateSemantics::roleKeyUseGoesThroughTheServices;
        Function<TemplateSemantics, List<String>> sign = TemplateSemantics::signingKeysSignForTheOneRoleTheyName;
        return Stream.of(
                breaks("the CloudWatch Logs statement removed (CREATE_FAILED)", keys,
                        "log-group:/aws/lambda/${AWS::StackName}-verify] use the key, but its policy does not allow logs",
                        t -> removeKeyStatement(t, "DataKey", "CloudWatchLogsEncryptsTheFunctionLogs")),
                breaks("the logs condition names only the verify group", keys,
                        "does not cover arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/${AWS::StackName}-seal",
                        t -> ((ArrayNode) keyStatement(t, "DataKey", "CloudWatchLogsEncryptsTheFunctionLogs")
                                .at("/Condition/ArnEquals/kms:EncryptionContext:aws:logs:arn")).remove(1)),
                breaks("the logs condition removed", keys, "no kms:EncryptionContext:aws:logs:arn condition",
                        t -> keyStatement(t, "DataKey", "CloudWatchLogsEncryptsTheFunctionLogs").remove("Condition")),
                breaks("lambda.amazonaws.com granted again", keys, "allows the service lambda",
                        t -> keyStatements(t, "DataKey").addObject().put("Effect", "Allow").put("Resource", "*")
                                .put("Action", "kms:Decrypt").putObject("Principal").put("Service", "lambda.amazonaws.com")),
                breaks("CloudWatch without aws:SourceArn", keys, "no aws:SourceArn condition",
                        t -> ((ObjectNode) keyStatement(t, "DataKey", "CloudWatchAlarmsPublishToEncryptedTopic").get("Condition"))
                                .remove("ArnLike")),
                breaks("an alarm the SourceArn does not cover", keys, "does not cover arn:${AWS::Partition}:cloudwatch:",
                        t -> properties(t, "EnrolmentAlarm").putObject("AlarmName").put("Fn::Sub", "other-${AWS::StackName}")),
                breaks("a new key granting CloudWatch Logs while no group uses it", keys, "ExtraKey: the policy allows the service logs",
                        t -> {
                            var key = resources(t).putObject("ExtraKey").put("Type", "AWS::KMS::Key");
                            key.putObject("Properties").set("KeyPolicy", keyPolicy(t, "DataKey").deepCopy());
                        }),
                breaks("a service principal given key administration", keys, "a service principal is given kms:*",
                        t -> ((ArrayNode) keyStatement(t, "DataKey", "CloudWatchLogsEncryptsTheFunctionLogs").get("Action")).add("kms:*")),
                breaks("the bucket also notifies the encrypted queue", keys, "use the key, but its policy does not allow s3",
                        t -> properties(t, "UploadBucket").withObjectProperty("NotificationConfiguration").putArray("QueueConfigurations")
                                .addObject().put("Event", "s3:ObjectRemoved:*").putObject("Queue")
                                .putArray("Fn::GetAtt").add("DeadLetterQueue").add("Arn")),
                breaks("EventBridge left out while the control-plane rule publishes to the encrypted topic", keys,
                        "Rule] use the key, but its policy does not allow events",
                        t -> removeKeyStatement(t, "DataKey", "EventBridgePublishesToEncryptedTopic")),
                breaks("EventBridge's statement conditioned on a source it never sends", keys,
                        "EventBridge sends KMS no aws:SourceArn/aws:SourceAccount",
                        t -> keyStatement(t, "DataKey", "EventBridgePublishesToEncryptedTopic").putObject("Condition")
                                .putObject("StringEquals").put("aws:SourceAccount", "123456789012")),
                breaks("the S3 permission without SourceArn", permissions, "VerifyFunctionInvokedByS3: no SourceArn",
                        t -> properties(t, "VerifyFunctionInvokedByS3").remove("SourceArn")),
                breaks("the S3 permission naming another bucket", permissions, "is no bucket of this stack",
                        t -> properties(t, "VerifyFunctionInvokedByS3").put("SourceArn", "arn:aws:s3:::someone-elses-bucket")),
                breaks("the schedule permission without SourceAccount", permissions, "SealFunctionInvokedHourly: no SourceAccount",
                        t -> properties(t, "SealFunctionInvokedHourly").remove("SourceAccount")),
                breaks("the verify log group unencrypted", logs, "VerifyFunctionLogGroup: not encrypted",
                        t -> properties(t, "VerifyFunctionLogGroup").remove("KmsKeyId")),
                breaks("the seal log group kept forever", logs, "SealFunctionLogGroup: no RetentionInDays",
                        t -> properties(t, "SealFunctionLogGroup").remove("RetentionInDays")),
                breaks("a log group deleted with the stack", logs, "VerifyFunctionLogGroup: deleted with the stack",
                        t -> ((ObjectNode) resources(t).get("VerifyFunctionLogGroup")).remove("DeletionPolicy")),
                breaks("a function on Lambda's default log group", logs, "SealFunction: does not log to a log group",
                        t -> properties(t, "SealFunction").remove("LoggingConfig")),
                breaks("a new log group without a key", logs, "ExtraLogGroup: not encrypted",
                        t -> resources(t).putObject("ExtraLogGroup").put("Type", "AWS::Logs::LogGroup")
                                .put("DeletionPolicy", "Retain").put("UpdateReplacePolicy", "Retain")
                                .putObject("Properties").put("RetentionInDays", 30)),
                breaks("the verify role's data key without kms:ViaService", via, "VerifyFunctionRole/UseDataKey: no kms:ViaService",
                        t -> roleStatement(t, "VerifyFunctionRole", "UseDataKey").remove("Condition")),
                breaks("the dead-letter service left out of kms:ViaService", via, "but the role reaches DataKey through",
                        t -> ((ArrayNode) roleStatement(t, "VerifyFunctionRole", "UseDataKey")
                                .at("/Condition/StringEquals/kms:ViaService")).remove(2)),
                breaks("a service the seal role never uses added to kms:ViaService", via, "SealFunctionRole/UseDataKey: kms:ViaService",
                        t -> ((ObjectNode) roleStatement(t, "SealFunctionRole", "UseDataKey").at("/Condition/StringEquals"))
                                .putArray("kms:ViaService").add("dynamodb.${AWS::Region}.amazonaws.com").add("s3.${AWS::Region}.amazonaws.com")),
                breaks("the seal role granted kms:Sign on the item key", sign,
                        "SealFunctionRole is granted kms:Sign on SigningKey, whose policy lets only [VerifyFunctionRole] sign",
                        t -> roleStatement(t, "SealFunctionRole", "SignSeals").putArray("Resource")
                                .add(JSON.createObjectNode().set("Fn::GetAtt", JSON.createArrayNode().add("SealSigningKey").add("Arn")))
                                .add(JSON.createObjectNode().set("Fn::GetAtt", JSON.createArrayNode().add("SigningKey").add("Arn")))),
                breaks("the seal role renamed away from the name its key exempts", sign,
                        "SealSigningKey: the kms:Sign deny exempts arn:${AWS::Partition}:iam::${AWS::AccountId}:role/biometric-seal-${StackUuid}",
                        t -> ((ArrayNode) properties(t, "SealFunctionRole").at("/RoleName/Fn::Sub")).set(0, "other-${StackUuid}")),
                breaks("the item key without its deny", sign, "SigningKey: no explicit deny of kms:Sign",
                        t -> removeKeyStatement(t, "SigningKey", "OnlyTheVerifyFunctionSigns")),
                breaks("the item key's deny exempting the seal role", sign,
                        "VerifyFunctionRole is granted kms:Sign on SigningKey, whose policy lets only [SealFunctionRole] sign",
                        t -> keyStatement(t, "SigningKey", "OnlyTheVerifyFunctionSigns").set("Condition",
                                keyStatement(t, "SealSigningKey", "OnlyTheSealFunctionSigns").get("Condition").deepCopy())),
                breaks("a third principal exempted from the item key's deny", sign,
                        "SigningKey: the kms:Sign deny exempts arn:aws:iam::123456789012:role/Admin, which is no role of this stack",
                        t -> ((ArrayNode) keyStatement(t, "SigningKey", "OnlyTheVerifyFunctionSigns")
                                .at("/Condition/Fn::If/1/ArnNotEquals/aws:PrincipalArn")).add("arn:aws:iam::123456789012:role/Admin")),
                breaks("the break-glass role exempted even when none is given", sign,
                        "SigningKey: the kms:Sign deny exempts {\"Ref\":\"BreakGlassRoleArn\"}",
                        t -> ((ArrayNode) keyStatement(t, "SigningKey", "OnlyTheVerifyFunctionSigns")
                                .at("/Condition/Fn::If/1/ArnNotEquals/aws:PrincipalArn"))
                                .set(1, JSON.createObjectNode().put("Ref", "BreakGlassRoleArn"))),
                breaks("the seal key signing for its role after its replacement", sign, "SealSigningKey: once replaced, the kms:Sign deny still exempts",
                        t -> ((ArrayNode) keyStatement(t, "SealSigningKey", "OnlyTheSealFunctionSigns").at("/Condition/Fn::If"))
                                .set(2, keyStatement(t, "SealSigningKey", "OnlyTheSealFunctionSigns").at("/Condition/Fn::If/1").deepCopy())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTemplates")
    void eachRuleFailsWhenItsRequirementIsBroken(String change, Function<TemplateSemantics, List<String>> rule,
            String expected, Consumer<ObjectNode> breakIt) throws Exception {
        var template = (ObjectNode) JSON.readTree(PolicyTools.expandedTemplate().toFile());
        assertEquals(List.of(), rule.apply(new TemplateSemantics(template)), "the rule passes before the change");

        breakIt.accept(template);
        var violations = rule.apply(new TemplateSemantics(template));

        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)), change + ": expected a violation containing\n  "
                + expected + "\nbut got " + violations);
    }

    private static ObjectNode resources(ObjectNode template) {
        return (ObjectNode) template.get("Resources");
    }

    private static ObjectNode properties(ObjectNode template, String resource) {
        return (ObjectNode) resources(template).get(resource).get("Properties");
    }

    private static ObjectNode keyPolicy(ObjectNode template, String key) {
        return (ObjectNode) properties(template, key).get("KeyPolicy");
    }

    private static ArrayNode keyStatements(ObjectNode template, String key) {
        return (ArrayNode) keyPolicy(template, key).get("Statement");
    }

    private static ObjectNode keyStatement(ObjectNode template, String key, String sid) {
        return bySid(keyStatements(template, key), sid);
    }

    private static void removeKeyStatement(ObjectNode template, String key, String sid) {
        var statements = keyStatements(template, key);
        for (int i = 0; i < statements.size(); i++) {
            if (sid.equals(statements.get(i).path("Sid").asText())) {
                statements.remove(i);
                return;
            }
        }
        throw new AssertionError("no statement " + sid);
    }

    private static ObjectNode roleStatement(ObjectNode template, String role, String sid) {
        return bySid((ArrayNode) properties(template, role).at("/Policies/0/PolicyDocument/Statement"), sid);
    }

    private static ObjectNode bySid(ArrayNode statements, String sid) {
        for (var statement : statements) {
            if (sid.equals(statement.path("Sid").asText())) {
                return (ObjectNode) statement;
            }
        }
        throw new AssertionError("no statement " + sid);
    }
}
