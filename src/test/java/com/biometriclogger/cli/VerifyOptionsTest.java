package com.biometriclogger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifyOptionsTest {

    @Test
    void theSealTableDefaultsToTheTemplatesName() {
        var options = VerifyOptions.parse(new String[] {"--table", "stack-audit", "--public-key", "key.pem", "--seal-public-key", "seal.pem"});

        assertEquals("stack-audit-seals", options.sealTable());
        assertEquals(Path.of("key.pem"), options.itemKey().publicKey());
        assertEquals(Path.of("seal.pem"), options.sealKey().publicKey());
        assertEquals(Optional.empty(), options.archive());
        assertTrue(options.progress());
    }

    @Test
    void theTrustedKeyMustBeGivenExactlyOnce() {
        var none = assertThrows(IllegalArgumentException.class, () -> VerifyOptions.parse(new String[] {"--table", "t"}));
        var both = assertThrows(IllegalArgumentException.class, () -> VerifyOptions.parse(
                new String[] {"--table", "t", "--public-key", "k.pem", "--kms-key-id", "arn"}));

        assertTrue(none.getMessage().startsWith("exactly one of --public-key or --kms-key-id is required"));
        assertEquals(none.getMessage(), both.getMessage());
    }

    @Test
    void sealsAreTrustedByTheirOwnKeyAndTheArchiveIsAnS3Uri() {
        var none = assertThrows(IllegalArgumentException.class, () -> VerifyOptions.parse(
                new String[] {"--table", "t", "--public-key", "k.pem"}));
        var options = VerifyOptions.parse(new String[] {"--table", "t", "--kms-key-id", "arn:item",
                "--seal-kms-key-id", "arn:seal", "--seal-archive", "s3://archive-bucket/stack/seals/"});

        assertTrue(none.getMessage().startsWith("exactly one of --seal-public-key or --seal-kms-key-id is required"));
        assertEquals("arn:seal", options.sealKey().kmsKeyId());
        assertEquals(new VerifyOptions.Archive("archive-bucket", "stack/seals/"), options.archive().orElseThrow());
    }

    @Test
    void aDateRangeBelongsToAnExport() {
        var error = assertThrows(IllegalArgumentException.class, () -> VerifyOptions.parse(
                new String[] {"--table", "t", "--public-key", "k.pem", "--seal-public-key", "s.pem", "--from", "2026-05-01"}));
        var options = VerifyOptions.parse(new String[] {"--table", "t", "--public-key", "k.pem", "--seal-public-key", "s.pem", "--export", "out",
                "--from", "2026-05-01", "--to", "2026-05-03"});

        assertEquals("--from and --to choose what --export writes; add --export DIR", error.getMessage());
        assertEquals(LocalDate.of(2026, 5, 3), options.to());
    }

    @Test
    void aReversedRangeIsAnErrorNotAnEmptyBundle() {
        var error = assertThrows(IllegalArgumentException.class, () -> VerifyOptions.parse(new String[] {"--table", "t",
                "--public-key", "k.pem", "--seal-public-key", "s.pem", "--export", "out", "--from", "2026-05-03", "--to", "2026-05-01"}));

        assertEquals("--from 2026-05-03 is after --to 2026-05-01: no day is in that range", error.getMessage());
    }

    @Test
    void aBadDateOrMissingValueIsNamed() {
        assertEquals("dates are YYYY-MM-DD, got '3 May'", assertThrows(IllegalArgumentException.class,
                () -> VerifyOptions.parse(new String[] {"--table", "t", "--public-key", "k", "--export", "o", "--from", "3 May"}))
                .getMessage());
        assertEquals("--table needs a value", assertThrows(IllegalArgumentException.class,
                () -> VerifyOptions.parse(new String[] {"--table"})).getMessage());
    }
}
