package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.LogCapture;
import com.biometriclogger.testing.Scenario;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The template's metric filters, applied to the lines the real function logs: each alarm's metric
 * counts exactly the decisions it is meant to (a filter that never matches would be a silent alarm).
 */
@ExtendWith(LocalStackExtension.class)
class MetricFiltersIT {

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

        var lines = logs.lines().toList();
        long enrolments = lines.stream().filter(l -> CloudWatchJsonFilter.matches(
                MetricFilters.patternAlarmedBy("EnrolmentAlarm", "VerifyFunction"), l)).count();
        long unauthorized = lines.stream().filter(l -> CloudWatchJsonFilter.matches(
                MetricFilters.patternAlarmedBy("UnauthorizedBurstAlarm", "VerifyFunction"), l)).count();
        long duplicates = lines.stream().filter(l -> CloudWatchJsonFilter.matches(
                "{ $.outcome = \"DUPLICATE\" && $.key = \"references/alice.jpg\" }", l)).count();

        assertEquals(1, duplicates, "the second enrolment event is logged, as a duplicate: " + logs);
        assertEquals(1, enrolments, "a duplicate does not count as an enrolment: " + logs);
        assertEquals(1, unauthorized, logs);
    }
}
