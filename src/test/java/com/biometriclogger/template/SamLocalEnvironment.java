package com.biometriclogger.template;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function's environment as {@code sam local invoke FUNCTION --env-vars FILE} gives it, read from aws-sam-cli
 * (github:aws/aws-sam-cli at fe8f8dbb):
 * <ul>
 * <li>samcli/local/lambdafn/env_vars.py {@code resolve}: the AWS variables first (credentials and region from
 *     the caller's session, else us-east-1/defaultkey/defaultsecret), then every variable the template
 *     declares, valued by the file over the shell over the template; a name the template does not declare
 *     is never passed. {@code _stringify_value}: a value still an intrinsic (a dict or list) or None is "".</li>
 * <li>samcli/commands/local/lib/local_lambda.py {@code _make_env_vars}: the file's {@code Parameters}
 *     section applies to every function, the function's own section (by logical id) over it.</li>
 * <li>samcli/lib/intrinsic_resolver/intrinsic_property_resolver.py {@code resolve_attribute}: a resource's
 *     intrinsics are resolved all together or, if one of them fails, none ({@link Resolution#UNRESOLVED}).</li>
 * </ul>
 */
public final class SamLocalEnvironment {

    private static final Map<String, Object> TEMPLATE = CloudFormationYaml.load(Path.of("template.yaml"));

    /** Whether SAM CLI could resolve the function's intrinsics (see resolve_attribute). */
    public enum Resolution { RESOLVED, UNRESOLVED }

    /** The caller's session as SAM CLI passes it (an AWS profile or the shell's AWS_* variables). */
    public record Session(String region, String accessKey, String secretKey) {
    }

    private SamLocalEnvironment() {
    }

    /** The handler the template names for that function. */
    public static String handler(String function) {
        return (String) properties(function).get("Handler");
    }

    /** The environment the function's container gets. */
    public static Map<String, String> of(String function, Resolution resolution, Map<String, Map<String, String>> envVarsFile,
                                         Map<String, String> shell, Session session) {
        Map<String, String> overrides = new LinkedHashMap<>(envVarsFile.getOrDefault("Parameters", Map.of()));
        overrides.putAll(envVarsFile.getOrDefault(function, Map.of()));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("AWS_SAM_LOCAL", "true");
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(properties(function).get("MemorySize")));
        environment.put("AWS_LAMBDA_FUNCTION_TIMEOUT", String.valueOf(properties(function).get("Timeout")));
        environment.put("AWS_LAMBDA_FUNCTION_HANDLER", handler(function));
        environment.put("AWS_LAMBDA_FUNCTION_NAME", function);
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_LOG_GROUP_NAME", "aws/lambda/" + function);
        environment.put("AWS_LAMBDA_LOG_STREAM_NAME", "$LATEST");
        environment.put("AWS_REGION", session.region());
        environment.put("AWS_DEFAULT_REGION", session.region());
        environment.put("AWS_ACCESS_KEY_ID", session.accessKey());
        environment.put("AWS_SECRET_ACCESS_KEY", session.secretKey());
        environment.put("AWS_ACCOUNT_ID", "123456789012");
        environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        declared(function, resolution).forEach((name, value) -> environment.put(name,
                overrides.getOrDefault(name, shell.getOrDefault(name, value))));
        return environment;
    }

    /** The variables the template declares for the function, valued as SAM CLI resolves them. */
    @SuppressWarnings("unchecked")
    static Map<String, String> declared(String function, Resolution resolution) {
        var written = (Map<String, Object>) ((Map<String, Object>) properties(function).get("Environment")).get("Variables");
        Map<String, String> values = new LinkedHashMap<>();
        var sam = Deployment.samLocal();
        written.forEach((name, value) -> values.put(name,
                stringified(resolution == Resolution.RESOLVED ? sam.resolve(value) : value)));
        return values;
    }

    private static String stringified(Object value) {
        if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
            return "";
        }
        return String.valueOf(value); // a YAML true is already "true", as SAM CLI writes it
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(String function) {
        var resources = (Map<String, Map<String, Object>>) TEMPLATE.get("Resources");
        return (Map<String, Object>) resources.get(function).get("Properties");
    }
}
