package com.biometriclogger.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.local.stack.S3Events;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two tests in a row on one set of servers: the second sees nothing the first wrote or recorded. */
@ExtendWith(LocalStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackExtensionIT {

    private static final byte[] SELFIE = TestImages.jpeg(7201);
    private static Scenario first;

    @Test
    @Order(1)
    void theFirstTestDecidesAFaceItRecorded(Scenario scenario) {
        first = scenario;
        scenario.faces().respond(SELFIE, "one-clear-face.json");

        scenario.invoke(scenario.eventFile("single-upload.json", SELFIE));

        assertEquals("AUTHORIZED", scenario.onlyAuditItem().get("decision"));
    }

    @Test
    @Order(2)
    void theNextTestSharesTheServersButNotTheTableTheBucketOrTheRecording(Scenario scenario) {
        assertSame(first.stack(), scenario.stack());
        assertNotEquals(first.table(), scenario.table());
        assertNotEquals(first.bucket(), scenario.bucket());
        assertEquals(List.of(), scenario.auditItems());
        assertEquals(List.of(), scenario.stack().s3().listObjectVersions(b -> b.bucket(scenario.bucket())).versions());

        scenario.invoke(S3Events.event(scenario.upload("uploads/alice/selfie.jpg", SELFIE)));

        assertEquals("NO_FACE", scenario.onlyAuditItem().get("reasons"), "answered from the first test's recording");
    }
}
