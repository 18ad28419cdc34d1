package com.biometriclogger.template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * template.yaml as CloudFormation would resolve it in one deployment: its parameters (the template's
 * defaults unless given), the physical ids and attributes CloudFormation gave its resources, and the
 * conditions those parameters make. A reference the deployment has no value for fails the test.
 */
final class Deployment {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";
    static final String STACK_UUID = "5f1e7b40-8a2c-11f0-9a3e-0a1b2c3d4e5f";
    static final String ACCOUNT_ROOT = "arn:aws:iam::" + ACCOUNT + ":root";
    static final String BREAK_GLASS_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/erasure";
    static final String ENROLMENT_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/enrolment";
    static final String VERIFY_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/biometric-verify-" + STACK_UUID;
    static final String SEAL_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/biometric-seal-" + STACK_UUID;
    static final String UPLOAD_BUCKET = "biometric-uploads-" + STACK_UUID;

    private static final Map<String, Object> TEMPLATE = CloudFormationYaml.load(Path.of("template.yaml"));
    private static final Object NO_VALUE = new Object();

    private final Map<String, String> parameters;
    private final Map<String, String> physical;
    private final Object noValue;

    private Deployment(Map<String, String> parameters, Map<String, String> physical) {
        this(parameters, physical, NO_VALUE);
    }

    private Deployment(Map<String, String> parameters, Map<String, String> physical, Object noValue) {
        this.parameters = parameters;
        this.physical = physical;
        this.noValue = noValue;
    }

    /** The default deployment: nothing but the one required parameter given. */
    static Deployment defaults() {
        return named("biometric-logger");
    }

    /** The default deployment in a stack of that name. */
    static Deployment named(String stack) {
        return new Deployment(Map.of("EnrolmentPrincipalArn", ENROLMENT_ROLE), PhysicalNames.of(stack));
    }

    Deployment with(String parameter, String value) {
        var changed = new HashMap<>(parameters);
        changed.put(parameter, value);
        return new Deployment(changed, physical, noValue);
    }

    /**
     * The template as {@code sam local invoke} resolves it when it can (aws-sam-cli
     * samcli/lib/providers/sam_base_provider.py get_template, then
     * samcli/lib/intrinsic_resolver/intrinsics_symbol_table.py resolve_symbols): pseudo parameters take
     * DEFAULT_PSEUDO_PARAM_VALUES, a parameter its default (or, without one, its name), a resource's
     * {@code Ref} its logical id, its {@code Arn} what arn_resolver makes of it (a Lambda function ARN, whatever
     * the resource), and {@code AWS::NoValue} Python's None, which env_vars.py turns into "" (the name stays).
     */
    @SuppressWarnings("unchecked")
    static Deployment samLocal() {
        Map<String, String> symbols = new HashMap<>(Map.of("AWS::AccountId", "123456789012", "AWS::Partition", "aws",
                "AWS::Region", "us-east-1", "AWS::StackName", "local", "AWS::URLSuffix", "localhost",
                "AWS::StackId", "arn:aws:cloudformation:us-east-1:123456789012:stack/local/51af3dc0-da77-11e4-872e-1234567db123"));
        ((Map<String, Map<String, Object>>) TEMPLATE.get("Resources")).forEach((id, resource) -> {
            symbols.put(id, id);
            var properties = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
            Object name = properties.get("FunctionName");
            symbols.put(id + ".Arn", "arn:aws:lambda:us-east-1:123456789012:function:" + (name instanceof String s ? s : id));
        });
        Map<String, String> withoutDefault = new HashMap<>();
        ((Map<String, Map<String, Object>>) TEMPLATE.get("Parameters")).forEach((name, declared) -> {
            if (!declared.containsKey("Default")) {
                withoutDefault.put(name, name);
            }
        });
        return new Deployment(withoutDefault, symbols, "");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> properties(String resource) {
        var resources = (Map<String, Map<String, Object>>) TEMPLATE.get("Resources");
        return (Map<String, Object>) resolve(Objects.requireNonNull(resources.get(resource), resource).get("Properties"));
    }

    /** The properties of each resource of that type the deployment creates (its condition holds), by logical id. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) TEMPLATE.get("Resources")).forEach((id, resource) -> {
            Object condition = resource.get("Condition");
            if (type.equals(resource.get("Type")) && (condition == null || condition((String) condition))) {
                found.put(id, properties(id));
            }
        });
        return found;
    }

    /** One property of a resource (a path through its maps), resolved: the rest of the resource may refer to more. */
    @SuppressWarnings("unchecked")
    Object property(String resource, String... path) {
        var resources = (Map<String, Map<String, Object>>) TEMPLATE.get("Resources");
        Object value = Objects.requireNonNull(resources.get(resource), resource).get("Properties");
        for (String name : path) {
            value = ((Map<String, Object>) value).get(name);
        }
        return resolve(value);
    }

    @SuppressWarnings("unchecked")
    Map<String, String> outputs() {
        Map<String, String> values = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) TEMPLATE.get("Outputs")).forEach((name, output) -> {
            Object condition = output.get("Condition");
            if (condition == null || condition((String) condition)) {
                values.put(name, (String) resolve(output.get("Value")));
            }
        });
        return values;
    }

    /**
     * The policy the stack puts on the resource an ARN names: a key's key policy, a table's resource
     * policy (for the table and its indexes), a bucket's policy (for the bucket and its objects).
     */
    @SuppressWarnings("unchecked")
    Optional<PolicyEvaluation.ResourcePolicy> resourcePolicy(String arn) {
        var resources = (Map<String, Map<String, Object>>) TEMPLATE.get("Resources");
        for (var entry : resources.entrySet()) {
            String type = (String) entry.getValue().get("Type");
            Object condition = entry.getValue().get("Condition");
            if (condition != null && !condition((String) condition)) {
                continue;
            }
            String id = entry.getKey();
            if (type.equals("AWS::KMS::Key") && arn.equals(reference(id + ".Arn"))) {
                return Optional.of(new PolicyEvaluation.ResourcePolicy((Map<String, Object>) properties(id).get("KeyPolicy"), true));
            }
            if (type.equals("AWS::DynamoDB::Table") && (arn.equals(reference(id + ".Arn")) || arn.startsWith(reference(id + ".Arn") + "/index/"))) {
                var policy = (Map<String, Object>) properties(id).get("ResourcePolicy");
                return Optional.ofNullable(policy).map(p -> new PolicyEvaluation.ResourcePolicy((Map<String, Object>) p.get("PolicyDocument"), false));
            }
            if (type.equals("AWS::S3::BucketPolicy")) {
                String bucket = "arn:aws:s3:::" + properties(id).get("Bucket");
                if (arn.equals(bucket) || arn.startsWith(bucket + "/")) {
                    return Optional.of(new PolicyEvaluation.ResourcePolicy((Map<String, Object>) properties(id).get("PolicyDocument"), false));
                }
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    boolean condition(String name) {
        var conditions = (Map<String, Object>) TEMPLATE.get("Conditions");
        return (Boolean) resolve(Objects.requireNonNull(conditions.get(name), "no condition " + name));
    }

    /** The value as CloudFormation would give it to the resource: every intrinsic function evaluated. */
    @SuppressWarnings("unchecked")
    Object resolve(Object value) {
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            list.stream().map(this::resolve).filter(v -> v != NO_VALUE).forEach(resolved::add);
            return resolved;
        }
        if (!(value instanceof Map<?, ?> map)) {
            return value;
        }
        if (map.size() != 1) {
            return resolveEach(map);
        }
        if (map.containsKey("Ref")) {
            return reference((String) map.get("Ref"));
        }
        if (map.containsKey("Condition") && map.get("Condition") instanceof String) {
            return condition((String) map.get("Condition"));
        }
        if (map.containsKey("Fn::GetAtt")) {
            var att = (List<String>) map.get("Fn::GetAtt");
            return reference(att.get(0) + "." + att.get(1));
        }
        if (map.containsKey("Fn::If")) {
            var branches = (List<Object>) map.get("Fn::If");
            return resolve(branches.get(condition((String) branches.get(0)) ? 1 : 2));
        }
        if (map.containsKey("Fn::Equals")) {
            var args = (List<Object>) resolve(map.get("Fn::Equals"));
            return String.valueOf(args.get(0)).equals(String.valueOf(args.get(1)));
        }
        if (map.containsKey("Fn::Not")) {
            return !(Boolean) ((List<Object>) resolve(map.get("Fn::Not"))).get(0);
        }
        if (map.containsKey("Fn::Select")) {
            var args = (List<Object>) map.get("Fn::Select");
            return ((List<Object>) resolve(args.get(1))).get((Integer) args.get(0));
        }
        if (map.containsKey("Fn::Split")) {
            var args = (List<Object>) map.get("Fn::Split");
            return List.of(((String) resolve(args.get(1))).split(Pattern.quote((String) args.get(0)), -1));
        }
        if (map.containsKey("Fn::Sub")) {
            return sub(map.get("Fn::Sub"));
        }
        return resolveEach(map);
    }

    private Map<String, Object> resolveEach(Map<?, ?> map) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            Object r = resolve(v);
            if (r != NO_VALUE) {
                resolved.put((String) k, r);
            }
        });
        return resolved;
    }

    @SuppressWarnings("unchecked")
    private String sub(Object sub) {
        Map<String, String> own = new HashMap<>();
        String text = sub instanceof List<?> args ? (String) args.get(0) : (String) sub;
        if (sub instanceof List<?> args) {
            ((Map<String, Object>) args.get(1)).forEach((name, v) -> own.put(name, String.valueOf(resolve(v))));
        }
        Matcher m = Pattern.compile("\\$\\{([^}]+)}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(own.containsKey(name) ? own.get(name) : String.valueOf(reference(name))));
        }
        return m.appendTail(out).toString();
    }

    @SuppressWarnings("unchecked")
    private Object reference(String name) {
        if (name.equals("AWS::NoValue")) {
            return noValue;
        }
        if (physical.containsKey(name)) {
            return physical.get(name);
        }
        var declared = ((Map<String, Map<String, Object>>) TEMPLATE.get("Parameters")).get(name);
        if (declared != null) {
            Object value = parameters.containsKey(name) ? parameters.get(name) : declared.get("Default");
            if (value == null) {
                throw new AssertionError("the deployment gives the required parameter " + name + " no value");
            }
            return String.valueOf(value);
        }
        throw new AssertionError("the template refers to " + name + ", which this deployment has no value for");
    }
}
