package com.biometriclogger.template;

import static com.biometriclogger.template.TemplateParts.bySid;
import static com.biometriclogger.template.TemplateParts.getAtt;
import static com.biometriclogger.template.TemplateParts.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How template.yaml turns changes, holes, enrolments and a silent sealer into alerts. */
class AlarmWiringTest {

    /**
     * Both tables stream old and new images to the function; INSERTs are filtered out, failures are
     * retried from the failing record, split, bounded in time and retries, then sent to the failure queue.
     */
    @Test
    @SuppressWarnings("unchecked")
    void bothEvidenceStreamsReachTheChangeAlarmWithBoundedRetriesAndAFailureQueue() {
        for (String table : List.of("AuditTable", "SealTable")) {
            assertEquals(Map.of("StreamViewType", "NEW_AND_OLD_IMAGES"), properties(table).get("StreamSpecification"), table);
        }
        for (var mapping : Map.of("AuditTableChanges", "AuditTable", "SealTableChanges", "SealTable").entrySet()) {
            var properties = properties(mapping.getKey());
            assertEquals(getAtt(mapping.getValue(), "StreamArn"), properties.get("EventSourceArn"), mapping.getKey());
            assertEquals(Map.of("Ref", "ChangeAlarmFunction"), properties.get("FunctionName"));
            assertEquals(List.of("ReportBatchItemFailures"), properties.get("FunctionResponseTypes"));
            assertEquals(true, properties.get("BisectBatchOnFunctionError"));
            assertEquals(10, properties.get("MaximumRetryAttempts"));
            assertEquals(3600, properties.get("MaximumRecordAgeInSeconds"));
            assertEquals(Map.of("OnFailure", Map.of("Destination", getAtt("ChangeAlarmFailureQueue", "Arn"))),
                    properties.get("DestinationConfig"));
        }
        assertEquals("IteratorAge", properties("ChangeAlarmIteratorAgeAlarm").get("MetricName"));
        assertEquals(Map.of("Ref", "ChangeAlarmFunction"),
                ((List<Map<String, Object>>) properties("ChangeAlarmErrorsAlarm").get("Dimensions")).get(0).get("Value"));
        assertEquals(Map.of("Fn::GetAtt", List.of("ChangeAlarmFailureQueue", "QueueName")),
                ((List<Map<String, Object>>) properties("ChangeAlarmFailuresAlarm").get("Dimensions")).get(0).get("Value"));
    }

    /** EventBridge may publish to the alert topic for the control-plane rules only, each to that topic alone. */
    @Test
    @SuppressWarnings("unchecked")
    void onlyTheControlPlaneRulesMayPublishToTheTopicInEventBridgesName() {
        var statements = (List<Map<String, Object>>) ((Map<String, Object>) properties("AlertTopicPolicy").get("PolicyDocument"))
                .get("Statement");
        var events = bySid(statements, "ControlPlaneRulePublishes");
        assertEquals(Map.of("Service", "events.amazonaws.com"), events.get("Principal"));
        assertEquals("sns:Publish", events.get("Action"));
        var rules = List.of("ControlPlaneKeysRule", "ControlPlaneTablesRule", "ControlPlaneBucketsRule",
                "ControlPlaneFunctionsRule", "ControlPlaneAlertsRule");
        assertEquals(Map.of("ArnEquals", Map.of("aws:SourceArn", rules.stream().map(r -> getAtt(r, "Arn")).toList())),
                events.get("Condition"));
        for (String rule : rules) {
            var targets = (List<Map<String, Object>>) properties(rule).get("Targets");
            assertEquals(Map.of("Ref", "AlertTopic"), targets.get(0).get("Arn"), rule);
            assertEquals(1, targets.size(), rule);
        }
    }

    /**
     * A stopped sealer publishes no datapoints, so "missing" turns the alarm INSUFFICIENT_DATA and that
     * transition must notify; "breaching" would alert on every fresh stack before its first run.
     */
    @Test
    void aStoppedSealFunctionNotifiesOnInsufficientDataButAFreshStackDoesNot() {
        var alarm = properties("SealFunctionSilentAlarm");
        assertEquals("Invocations", alarm.get("MetricName"));
        assertEquals("missing", alarm.get("TreatMissingData"));
        assertEquals(List.of(Map.of("Ref", "AlertTopic")), alarm.get("InsufficientDataActions"));
    }

    @Test
    void everySealHoleAndRefusalRaisesAnAlarm() {
        var filter = properties("SealHolesMetricFilter");
        assertEquals("{ ($.alert = \"SEAL_HOLE\") || ($.alert = \"SEAL_HEAD_REFUSED\") || ($.alert = \"SEAL_ITEM_REFUSED\") }",
                filter.get("FilterPattern"));
        assertEquals(Map.of("Ref", "SealFunctionLogGroup"), filter.get("LogGroupName"));
        var alarm = properties("SealHoleAlarm");
        assertEquals("SealHoles", alarm.get("MetricName"));
        assertEquals("Sum", alarm.get("Statistic"));
        assertEquals(1, alarm.get("Threshold"));
        assertEquals("GreaterThanOrEqualToThreshold", alarm.get("ComparisonOperator"));
        assertEquals(List.of(Map.of("Ref", "AlertTopic")), alarm.get("AlarmActions"));
    }

    /** Counted from the seal function's log, and only in a stack with a review band, where the age reaches the function. */
    @Test
    void everyReviewOverdueRaisesAnAlarmInAStackWithAReviewBand() {
        var filter = properties("ReviewsOverdueMetricFilter");
        assertEquals("{ $.alert = \"REVIEW_OVERDUE\" }", filter.get("FilterPattern"));
        assertEquals(Map.of("Ref", "SealFunctionLogGroup"), filter.get("LogGroupName"));
        var alarm = properties("ReviewOverdueAlarm");
        assertEquals("ReviewsOverdue", alarm.get("MetricName"));
        assertEquals("Sum", alarm.get("Statistic"));
        assertEquals(1, alarm.get("Threshold"));
        assertEquals("GreaterThanOrEqualToThreshold", alarm.get("ComparisonOperator"));
        assertEquals(List.of(Map.of("Ref", "AlertTopic")), alarm.get("AlarmActions"));
        for (String resource : List.of("ReviewsOverdueMetricFilter", "ReviewOverdueAlarm")) {
            assertEquals("HasReviewBand", TemplateParts.resource(resource).get("Condition"), resource);
        }
        assertEquals(Map.of("Fn::If", List.of("HasReviewBand", Map.of("Ref", "ReviewOverdueHours"), Map.of("Ref", "AWS::NoValue"))),
                TemplateParts.sealEnvironment().get("REVIEW_OVERDUE_HOURS"));
    }

    @Test
    void everyEnrolmentRaisesAnAlarm() {
        var filter = properties("EnrolmentsMetricFilter");
        assertEquals("{ $.decision = \"ENROLLED\" && $.outcome = \"AUDITED\" }", filter.get("FilterPattern"));
        assertEquals(Map.of("Ref", "VerifyFunctionLogGroup"), filter.get("LogGroupName"));
        var alarm = properties("EnrolmentAlarm");
        assertEquals("Enrolments", alarm.get("MetricName"));
        assertEquals(1, alarm.get("Threshold"));
        assertEquals("GreaterThanOrEqualToThreshold", alarm.get("ComparisonOperator"));
        assertEquals(List.of(Map.of("Ref", "AlertTopic")), alarm.get("AlarmActions"));
    }

    @Test
    void everyLockoutRaisesAnAlarm() {
        var filter = properties("LockoutsMetricFilter");
        assertEquals("{ $.reasons = \"LOCKED_OUT\" && $.outcome = \"AUDITED\" }", filter.get("FilterPattern"));
        assertEquals(Map.of("Ref", "VerifyFunctionLogGroup"), filter.get("LogGroupName"));
        var alarm = properties("LockoutAlarm");
        assertEquals("Lockouts", alarm.get("MetricName"));
        assertEquals(1, alarm.get("Threshold"));
        assertEquals("GreaterThanOrEqualToThreshold", alarm.get("ComparisonOperator"));
        assertEquals(List.of(Map.of("Ref", "AlertTopic")), alarm.get("AlarmActions"));
    }
}
