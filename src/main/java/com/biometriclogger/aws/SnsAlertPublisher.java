package com.biometriclogger.aws;

import com.biometriclogger.evidence.ChangeAlarm;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/** Publishes each alert to the stack's alert topic, with its verdict as a message attribute for subscription filters. */
public final class SnsAlertPublisher implements ChangeAlarm.AlertPublisher {

    public static final String VERDICT_ATTRIBUTE = "verdict";

    private final SnsClient sns;
    private final String topicArn;

    public SnsAlertPublisher(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public void publish(ChangeAlarm.Alert alert) {
        sns.publish(b -> b.topicArn(topicArn).subject(alert.subject()).message(alert.message())
                .messageAttributes(Map.of(VERDICT_ATTRIBUTE, MessageAttributeValue.builder()
                        .dataType("String").stringValue(alert.verdict().name()).build())));
    }
}
