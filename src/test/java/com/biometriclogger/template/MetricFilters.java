package com.biometriclogger.template;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The template's metric filters, found the way CloudWatch connects them: function → log group → filter → alarm. */
public final class MetricFilters {

    private static final Map<String, Object> TEMPLATE = CloudFormationYaml.load(Path.of("template.yaml"));

    private MetricFilters() {
    }

    /**
     * The filter pattern whose metric the alarm watches, on the log group the function writes to: the one pattern
     * that decides whether a line the function logs moves the alarm. No such filter fails the test.
     */
    @SuppressWarnings("unchecked")
    public static String patternAlarmedBy(String alarm, String function) {
        var resources = (Map<String, Map<String, Object>>) TEMPLATE.get("Resources");
        var alarmProperties = (Map<String, Object>) resources.get(alarm).get("Properties");
        var logging = (Map<String, Object>) ((Map<String, Object>) resources.get(function).get("Properties")).get("LoggingConfig");
        for (var resource : resources.values()) {
            var properties = (Map<String, Object>) resource.get("Properties");
            if (!"AWS::Logs::MetricFilter".equals(resource.get("Type")) || !logging.get("LogGroup").equals(properties.get("LogGroupName"))) {
                continue;
            }
            for (var metric : (List<Map<String, Object>>) properties.get("MetricTransformations")) {
                if (metric.get("MetricNamespace").equals(alarmProperties.get("Namespace"))
                        && metric.get("MetricName").equals(alarmProperties.get("MetricName"))) {
                    return (String) properties.get("FilterPattern");
                }
            }
        }
        throw new AssertionError("no metric filter on " + function + "'s log group counts the metric " + alarm + " watches");
    }
}
