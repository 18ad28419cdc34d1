package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What Lambda does with an upload whose verification fails (S3 invokes asynchronously): two retries,
 * safe because the audit write is write-once, then the dead-letter queue once the event is 6 hours old,
 * covering a Rekognition or DynamoDB outage of that length.
 */
class FailedUploadRetryTest {

    @Test
    void aFailedVerificationIsRetriedTwiceForUpToSixHoursThenDeadLettered() {
        var config = Deployment.defaults().property("VerifyFunction", "EventInvokeConfig");

        assertEquals(Map.of("MaximumRetryAttempts", 2, "MaximumEventAgeInSeconds", 21600,
                "DestinationConfig", Map.of("OnFailure", Map.of("Type", "SQS",
                        "Destination", "arn:aws:sqs:eu-west-1:123456789012:biometric-logger-DeadLetterQueue-AbC123"))), config);
    }
}
