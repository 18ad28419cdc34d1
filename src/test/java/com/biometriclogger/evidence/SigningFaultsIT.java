package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.decision.DecisionReport.Outcome;
import com.biometriclogger.decision.RetryableDecisionException;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.FreePort;
import com.biometriclogger.local.stack.LocalKms;
import com.biometriclogger.local.stack.S3Events;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.Scenario;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** No signature, no item: a decision KMS cannot sign is retried, never stored unsigned. */
@ExtendWith(LocalStackExtension.class)
class SigningFaultsIT {

    @Test
    void kmsUnreachableFailsTheInvocationAndTheRetryWritesOneSignedItem(Scenario scenario) {
        byte[] selfie = TestImages.jpeg(911);
        scenario.faces().respond(selfie, "one-clear-face.json");
        var event = S3Events.event(scenario.upload("uploads/alice/selfie.jpg", selfie));
        var kmsDown = scenario.handler(Map.of("AWS_ENDPOINT_URL_KMS", "http://127.0.0.1:" + FreePort.pick()));

        var failure = assertThrows(RetryableDecisionException.class, () -> Scenario.invoke(kmsDown, event));
        assertEquals(Outcome.FAILED, failure.report().results().get(0).outcome());
        assertEquals(0, scenario.auditItems().size());

        var retry = scenario.invoke(event);
        assertEquals(Outcome.AUDITED, retry.results().get(0).outcome());
        assertEquals(LocalKms.KEY_ARN, scenario.onlyAuditItem().get("signingKeyId"));
    }

    @Test
    void aKeyKmsDoesNotHoldIsADeploymentFaultNamedInTheReport(Scenario scenario) {
        byte[] selfie = TestImages.jpeg(912);
        scenario.faces().respond(selfie, "one-clear-face.json");
        String otherKey = "arn:aws:kms:us-east-1:000000000000:key/00000000-0000-4000-8000-000000000bad";
        var wrongKey = scenario.handler(Map.of("SIGNING_KEY_ARN", otherKey));

        var failure = assertThrows(RetryableDecisionException.class,
                () -> Scenario.invoke(wrongKey, S3Events.event(scenario.upload("uploads/alice/selfie.jpg", selfie))));

        var result = failure.report().results().get(0);
        assertEquals(Outcome.FAILED, result.outcome());
        assertTrue(result.detail().contains("KMS signing key " + otherKey + " cannot sign"), result.detail());
        assertEquals(0, scenario.auditItems().size());
    }
}
