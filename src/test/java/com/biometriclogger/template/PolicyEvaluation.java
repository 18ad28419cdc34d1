package com.biometriclogger.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IAM's policy evaluation logic for one request within one account, as far as this project's policies
 * need it: an explicit deny in the caller's identity policy or the resource's policy refuses; otherwise
 * a KMS key is used only where its key policy allows the caller (by ARN, or the account, which hands the
 * decision to IAM policies), and a table or bucket where the identity policy or the resource policy
 * allows. Statements use Effect, Principal, Action or NotAction, Resource or NotResource and the condition
 * operators below; anything else (NotPrincipal, an unknown operator) fails the test rather than being evaluated
 * wrongly. PolicyEvaluationTest holds it to the IAM documentation's cases.
 *
 * <p>Context keys the request lacks follow IAM: a positive operator does not match, a negated one
 * ({@code ...Not...}) does, {@code Null} tests the absence, {@code ForAnyValue:} of an absent key does
 * not match and {@code ForAllValues:} does.
 */
final class PolicyEvaluation {

    /** One call as IAM authorises it: who, which action, on which ARN, with which context keys. */
    record Request(String principalArn, String action, String resource, Map<String, String> context) {

        Request(String principalArn, String action, String resource) {
            this(principalArn, action, resource, Map.of("aws:PrincipalArn", principalArn, "aws:SecureTransport", "true"));
        }

        Request withContext(String key, String value) {
            var context = new java.util.HashMap<>(this.context);
            context.put(key, value);
            return new Request(principalArn, action, resource, Map.copyOf(context));
        }

        private String account() {
            return principalArn.split(":", -1)[4];
        }
    }

    /** The resource's own policy: a key policy (which must allow) or a bucket or table policy (which may). */
    record ResourcePolicy(Map<String, Object> document, boolean keyPolicy) {
    }

    /** An identity policy allowing everything (AWS's AdministratorAccess). */
    static final Map<String, Object> ADMINISTRATOR_ACCESS = Map.of("Version", "2012-10-17",
            "Statement", List.of(Map.of("Effect", "Allow", "Action", "*", "Resource", "*")));

    private PolicyEvaluation() {
    }

    /** @param resourcePolicy the policy of the resource the request names, when it has one */
    static boolean allows(Map<String, Object> identityPolicy, Optional<ResourcePolicy> resourcePolicy, Request request) {
        var identity = effects(identityPolicy, request, false);
        var resource = resourcePolicy.map(p -> effects(p.document(), request, true)).orElse(Effects.NONE);
        if (identity.deny() || resource.deny()) {
            return false;
        }
        if (resourcePolicy.isPresent() && resourcePolicy.get().keyPolicy()) {
            return resource.allowsPrincipal() || (resource.allowsAccount() && identity.allowsPrincipal());
        }
        return identity.allowsPrincipal() || resource.allowsPrincipal();
    }

    /** What one policy says about the request: an explicit deny, an allow naming the caller, an allow naming its account. */
    private record Effects(boolean deny, boolean allowsPrincipal, boolean allowsAccount) {
        static final Effects NONE = new Effects(false, false, false);
    }

    @SuppressWarnings("unchecked")
    private static Effects effects(Map<String, Object> policy, Request request, boolean resourcePolicy) {
        boolean deny = false;
        boolean principal = false;
        boolean account = false;
        for (Object each : list(policy.get("Statement"))) {
            var statement = (Map<String, Object>) each;
            if (statement.containsKey("NotPrincipal")) {
                throw new AssertionError("the evaluation does not handle NotPrincipal: " + statement);
            }
            Match who = resourcePolicy ? principalMatch(statement.get("Principal"), request) : Match.PRINCIPAL;
            if (who == Match.NONE || !names(statement, "Action", request.action(), false)
                    || !names(statement, "Resource", request.resource(), true)
                    || !conditionsHold((Map<String, Object>) statement.getOrDefault("Condition", Map.of()), request)) {
                continue;
            }
            if ("Deny".equals(statement.get("Effect"))) {
                deny = true;
            } else if (who == Match.PRINCIPAL) {
                principal = true;
            } else {
                account = true;
            }
        }
        return new Effects(deny, principal, account);
    }

    private enum Match { NONE, PRINCIPAL, ACCOUNT }

    @SuppressWarnings("unchecked")
    private static Match principalMatch(Object principal, Request request) {
        if ("*".equals(principal)) {
            return Match.PRINCIPAL;
        }
        if (!(principal instanceof Map<?, ?> map) || !map.containsKey("AWS")) {
            return Match.NONE;
        }
        for (Object arn : list(((Map<String, Object>) map).get("AWS"))) {
            // {"AWS": "*"} is every AWS principal, as "*" is (IAM JSON policy reference, "AWS JSON policy elements: Principal").
            if (arn.equals("*") || arn.equals(request.principalArn())) {
                return Match.PRINCIPAL;
            }
            if (arn.equals("arn:aws:iam::" + request.account() + ":root") || arn.equals(request.account())) {
                return Match.ACCOUNT;
            }
        }
        return Match.NONE;
    }

    /** Whether the statement's Action (or Resource) names the value, or its NotAction (NotResource) does not. */
    private static boolean names(Map<String, Object> statement, String element, String value, boolean caseSensitive) {
        if (statement.containsKey("Not" + element)) {
            return !matchesAny(statement.get("Not" + element), value, caseSensitive);
        }
        return matchesAny(statement.get(element), value, caseSensitive);
    }

    private static boolean matchesAny(Object patterns, String value, boolean caseSensitive) {
        return list(patterns).stream().anyMatch(p -> glob((String) p, caseSensitive).matcher(value).matches());
    }

    @SuppressWarnings("unchecked")
    private static boolean conditionsHold(Map<String, Object> conditions, Request request) {
        for (var operator : conditions.entrySet()) {
            for (var key : ((Map<String, Object>) operator.getValue()).entrySet()) {
                if (!holds(operator.getKey(), contextValue(request, key.getKey()), list(key.getValue()))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Condition key names are not case sensitive (IAM JSON policy reference, "Condition"); their values are. */
    private static String contextValue(Request request, String key) {
        return request.context().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** A set operator over a multivalued key: the request's value, one here (DynamoDB's partition key). */
    private static boolean holds(String operator, String actual, List<Object> values) {
        for (String set : List.of("ForAnyValue:", "ForAllValues:")) {
            if (operator.startsWith(set)) {
                return actual == null ? set.equals("ForAllValues:") : holds(operator.substring(set.length()), actual, values);
            }
        }
        if (operator.equals("Null")) {
            return values.stream().anyMatch(v -> Boolean.parseBoolean(String.valueOf(v)) == (actual == null));
        }
        boolean negated = operator.contains("Not");
        if (actual == null) {
            return negated;
        }
        boolean matched = switch (operator.replace("Not", "")) {
            case "StringEquals", "Bool" -> values.stream().anyMatch(v -> String.valueOf(v).equals(actual));
            case "StringLike", "ArnEquals", "ArnLike" -> values.stream().anyMatch(v -> glob(String.valueOf(v), true).matcher(actual).matches());
            default -> throw new AssertionError("the evaluation does not handle the condition operator " + operator);
        };
        return matched != negated;
    }

    private static Pattern glob(String pattern, boolean caseSensitive) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), caseSensitive ? 0 : Pattern.CASE_INSENSITIVE);
    }

    private static List<Object> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> l ? List.copyOf(l) : List.of(value);
    }
}
