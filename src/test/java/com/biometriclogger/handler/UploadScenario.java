package com.biometriclogger.handler;

import com.biometriclogger.decision.DecisionReport;
import com.biometriclogger.decision.DecisionReport.Outcome;
import com.biometriclogger.local.samples.TestImages;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.Scenario;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** The handler ITs start here: a fresh scenario on the local stack, and uploads whose faces Rekognition answers for. */
@ExtendWith(LocalStackExtension.class)
abstract class UploadScenario {

    Scenario scenario;

    @BeforeEach
    void newScenario(Scenario scenario) {
        this.scenario = scenario;
    }

    /** An image Rekognition will see one clear face in. */
    byte[] clearFace(long seed) {
        byte[] image = TestImages.jpeg(seed);
        scenario.faces().respond(image, "one-clear-face.json");
        return image;
    }

    static List<Outcome> outcomes(DecisionReport report) {
        return report.results().stream().map(DecisionReport.RecordResult::outcome).toList();
    }
}
