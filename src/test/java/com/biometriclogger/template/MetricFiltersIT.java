package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.LogCapture;
import com.biometriclogger.testing.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The template's metric filters, applied to the lines the real function logs: each alarm's metric
 * counts exactly the decisions it is meant to (a filter that never matches would be a silent alarm).
 */
@ExtendWith(LocalStackExtension.class)
class MetricFiltersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TERM = Pattern.compile("\\$\\.(\\w+)\\s*=\\s*\"([^\"]*)\"");

    @Test
    void theEnrolmentAndUnauthorizedFiltersCountExactlyTheirDecisions(Scenario scenario) {
        var handler = scenario.handler(Map.of("VERIFICATION_MODE", "MATCH"));
        byte[] reference = TestImages.jpeg(7001);
        byte[] stranger = TestImages.jpeg(7002);
        scenario.faces().respond(reference, "one-clear-face.json");
        scenario.faces().respond(stranger, "one-clear-face.json");

        String logs = LogCapture.productionLogsOf(() -> {
            var enrolment = S3Events.event(scenario.upload("references/alice.jpg", reference));
            Scenario.invoke(handler, enrolment);
            Scenario.invoke(handler, enrolment);
            Scenario.invoke(handler, S3Events.event(scenario.upload("uploads/bob/door.jpg", stranger)));
        });

        Map<String, Long> counts = new LinkedHashMap<>();
        metricFilters("VerifyFunctionLogGroup").forEach((metric, pattern) ->
                counts.put(metric, logs.lines().filter(l -> l.startsWith("{")).map(MetricFiltersIT::parse)
                        .filter(line -> matches(pattern, line)).count()));
        assertEquals(Map.of("Enrolments", 1L, "UnauthorizedDecisions", 1L), counts, logs);
    }

    /** A CloudWatch Logs JSON filter of the form { $.a = "x" && $.b = "y" }; any other syntax fails the test. */
    static boolean matches(String pattern, JsonNode line) {
        String body = pattern.strip();
        if (!body.startsWith("{") || !body.endsWith("}")) {
            throw new IllegalArgumentException("not a JSON filter pattern: " + pattern);
        }
        for (String term : body.substring(1, body.length() - 1).split("&&", -1)) {
            var matcher = TERM.matcher(term.strip());
            if (!matcher.matches()) {
                throw new IllegalArgumentException("unsupported filter term \"" + term.strip() + "\" in " + pattern);
            }
            if (!matcher.group(2).equals(line.path(matcher.group(1)).asText(null))) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> metricFilters(String logGroup) {
        Map<String, String> filters = new LinkedHashMap<>();
        var resources = (Map<String, Map<String, Object>>) CloudFormationYaml.load(Path.of("template.yaml")).get("Resources");
        for (var resource : resources.values()) {
            var properties = (Map<String, Object>) resource.get("Properties");
            if ("AWS::Logs::MetricFilter".equals(resource.get("Type")) && Map.of("Ref", logGroup).equals(properties.get("LogGroupName"))) {
                var transformation = ((List<Map<String, Object>>) properties.get("MetricTransformations")).get(0);
                filters.put((String) transformation.get("MetricName"), (String) properties.get("FilterPattern"));
            }
        }
        return filters;
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
