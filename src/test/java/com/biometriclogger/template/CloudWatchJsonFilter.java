package com.biometriclogger.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CloudWatch Logs JSON filter pattern ({@code { $.a = "x" && ($.b > 1 || $.c IS NULL) }}) as the CloudWatch Logs
 * User Guide, "Filter and Pattern Syntax", documents it (awsdocs/amazon-cloudwatch-logs-user-guide,
 * doc_source/FilterAndPatternSyntax.md): selectors {@code $.name}, {@code [N]} after a property; {@code =} and
 * {@code !=} with a string, quoted or not, whose leading or trailing {@code *} matches any text (one inside is a
 * literal); {@code < > <= >= = !=} with a number; {@code IS NULL}, {@code NOT EXISTS}, {@code IS TRUE},
 * {@code IS FALSE}; {@code &&} before {@code ||}, parentheses. A selector on an array or object, or on nothing,
 * never matches a comparison ("JSON Special Considerations"). Anything else is refused, not guessed.
 */
public final class CloudWatchJsonFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(\\$(?:\\.[A-Za-z0-9_-]+(?:\\[\\d+])*)*|\"(?:[^\"\\\\]|\\\\.)*\"|&&|\\|\\||!=|<=|>=|[=<>(){}]"
                    + "|IS\\s+NULL|NOT\\s+EXISTS|IS\\s+TRUE|IS\\s+FALSE|[^\\s(){}=!<>&|\"]+)");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z0-9_-]+)|\\[(\\d+)]");

    private final String pattern;
    private final String[] tokens;
    private int next;
    private JsonNode event = JSON.nullNode();

    private CloudWatchJsonFilter(String pattern) {
        this.pattern = pattern;
        var found = new java.util.ArrayList<String>();
        Matcher m = TOKEN.matcher(pattern);
        int at = 0;
        while (at < pattern.length() && m.find(at) && m.start() == at) {
            found.add(m.group(1));
            at = m.end();
        }
        if (!pattern.substring(at).isBlank()) {
            throw new IllegalArgumentException("cannot read filter pattern at \"" + pattern.substring(at) + "\": " + pattern);
        }
        this.tokens = found.toArray(String[]::new);
    }

    /** Whether the log line (one JSON object) matches the pattern; a line that is not JSON never does. */
    public static boolean matches(String pattern, String line) {
        JsonNode event;
        try {
            event = JSON.readTree(line);
        } catch (IOException e) {
            event = null;
        }
        var filter = new CloudWatchJsonFilter(pattern);
        filter.expect("{");
        // Parsed even for a line that is not JSON, so that a pattern's syntax error is never hidden.
        filter.event = event == null || !event.isObject() ? JSON.nullNode() : event;
        boolean matched = filter.or();
        filter.expect("}");
        if (filter.next != filter.tokens.length) {
            throw new IllegalArgumentException("unexpected \"" + filter.tokens[filter.next] + "\" in " + pattern);
        }
        return event != null && event.isObject() && matched;
    }

    private boolean or() {
        boolean any = and();
        while (peek("||")) {
            next++;
            any |= and();
        }
        return any;
    }

    private boolean and() {
        boolean all = term();
        while (peek("&&")) {
            next++;
            all &= term();
        }
        return all;
    }

    private boolean term() {
        if (peek("(")) {
            next++;
            boolean inner = or();
            expect(")");
            return inner;
        }
        String selector = take();
        if (!selector.startsWith("$")) {
            throw new IllegalArgumentException("expected a selector, got \"" + selector + "\" in " + pattern);
        }
        JsonNode node = select(selector);
        String operator = take().replaceAll("\\s+", " ");
        return switch (operator) {
            case "IS NULL" -> node != null && node.isNull();
            case "NOT EXISTS" -> node == null;
            case "IS TRUE" -> node != null && node.isBoolean() && node.booleanValue();
            case "IS FALSE" -> node != null && node.isBoolean() && !node.booleanValue();
            case "=", "!=", "<", ">", "<=", ">=" -> compare(node, operator, take());
            default -> throw new IllegalArgumentException("unknown operator \"" + operator + "\" in " + pattern);
        };
    }

    private boolean compare(JsonNode node, String operator, String written) {
        boolean quoted = written.startsWith("\"");
        String value = quoted ? written.substring(1, written.length() - 1).replaceAll("\\\\(.)", "$1") : written;
        boolean numeric = !quoted && NUMBER.matcher(value).matches();
        if (!operator.equals("=") && !operator.equals("!=") && !numeric) {
            throw new IllegalArgumentException(operator + " needs a number, got " + written + " in " + pattern);
        }
        if (node == null || node.isContainerNode() || node.isNull()) {
            return false;
        }
        if (numeric && node.isNumber()) {
            int order = node.decimalValue().compareTo(new BigDecimal(value));
            return switch (operator) {
                case "=" -> order == 0;
                case "!=" -> order != 0;
                case "<" -> order < 0;
                case ">" -> order > 0;
                case "<=" -> order <= 0;
                default -> order >= 0;
            };
        }
        if (!operator.equals("=") && !operator.equals("!=")) {
            return false;
        }
        return textMatches(node.asText(), value) == operator.equals("=");
    }

    private static boolean textMatches(String text, String value) {
        if (value.equals("*")) {
            return true;
        }
        boolean leading = value.startsWith("*");
        boolean trailing = value.endsWith("*");
        String core = value.substring(leading ? 1 : 0, value.length() - (trailing ? 1 : 0));
        if (leading && trailing) {
            return text.contains(core);
        }
        return leading ? text.endsWith(core) : trailing ? text.startsWith(core) : text.equals(core);
    }

    private JsonNode select(String selector) {
        JsonNode node = event;
        Matcher step = STEP.matcher(selector.substring(1));
        while (step.find()) {
            if (node == null) {
                return null;
            }
            node = step.group(1) != null
                    ? (node.isObject() ? node.get(step.group(1)) : null)
                    : (node.isArray() ? node.get(Integer.parseInt(step.group(2))) : null);
        }
        return node;
    }

    private boolean peek(String token) {
        return next < tokens.length && tokens[next].equals(token);
    }

    private String take() {
        if (next == tokens.length) {
            throw new IllegalArgumentException("the pattern ends too early: " + pattern);
        }
        return tokens[next++];
    }

    private void expect(String token) {
        if (!peek(token)) {
            throw new IllegalArgumentException("expected \"" + token + "\" in " + pattern);
        }
        next++;
    }
}
