package com.biometriclogger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EraseOptionsTest {

    private static final String[] REQUIRED = {"--table", "audit", "--bucket", "uploads-bucket", "--kms-key-id", "arn:key",
            "--subject", "alice", "--legal-basis", "GDPR art. 17(1)(b)", "--request", "REQ-1"};

    @Test
    void theLocalUserErasesByDefaultAndTheTemplatesNamesAreTheDefaults() {
        var options = EraseOptions.parse(REQUIRED, "operator");

        assertEquals("operator", options.erasedBy());
        assertEquals("audit-seals", options.sealTable());
        assertEquals("uploads/", options.uploadPrefix());
        assertEquals("references/", options.referencePrefix());
        assertFalse(options.dryRun());
    }

    @Test
    void theLegalBasisAndTheRequestAreRequired() {
        for (String option : new String[] {"--legal-basis", "--request", "--subject", "--kms-key-id"}) {
            var args = new ArrayList<>(List.of(REQUIRED));
            int at = args.indexOf(option);
            args.remove(at + 1);
            args.remove(at);
            var error = assertThrows(IllegalArgumentException.class,
                    () -> EraseOptions.parse(args.toArray(String[]::new), "operator"));
            assertEquals(option + " is required", error.getMessage());
        }
    }

    @Test
    void aDryRunAndAnOperatorArnAreTakenAsGiven() {
        var args = new ArrayList<>(List.of(REQUIRED));
        args.addAll(List.of("--dry-run", "--erased-by", "arn:aws:iam::123456789012:role/erasure"));

        var options = EraseOptions.parse(args.toArray(String[]::new), "operator");

        assertTrue(options.dryRun());
        assertEquals("arn:aws:iam::123456789012:role/erasure", options.erasedBy());
    }
}
