package com.biometriclogger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifyOptionsTest {

    @Test
    void theSealTableDefaultsToTheTemplatesName() {
        var options = VerifyOptions.parse(new String[] {"--table", "stack-audit", "--public-key", "key.pem", "--seal-public-key", "seal.pem"});

        assertEquals("stack-audit-seals", options.sealTable());
        assertEquals(List.of(VerifyOptions.KeySource.pem("key.pem")), options.itemKeys());
        assertEquals(List.of(VerifyOptions.KeySource.pem("seal.pem")), options.sealKeys());
        assertEquals(Optional.empty(), options.archive());
        assertTrue(options.progress());
    }

    @Test
    void aTrustedKeyIsRequiredAndEveryKeyGivenIsTrusted() {
        var none = assertThrows(IllegalArgumentException.class, () -> VerifyOptions.parse(new String[] {"--table", "t"}));
        var options = VerifyOptions.parse(new String[] {"--table", "t", "--kms-key-id", "arn:old", "--public-key", "k.pem",
                "--kms-key-id", "arn:new", "--seal-kms-key-id", "arn:seal", "--seal-kms-key-id", "arn:seal-new"});

        assertTrue(none.getMessage().startsWith("--public-key or --kms-key-id is required (once per trusted key)"));
        assertEquals(List.of(VerifyOptions.KeySource.kms("arn:old"), VerifyOptions.KeySource.pem("k.pem"),
                VerifyOptions.KeySource.kms("arn:new")), options.itemKeys());
        assertEquals(List.of(VerifyOptions.KeySource.kms("arn:seal"), VerifyOptions.KeySource.kms("arn:seal-new")),
                options.sealKeys());
    }

    @Test
    void sealsAreTrustedByTheirOwnKeyAndTheArchiveIsAnS3Uri() {
        var none = assertThrows(IllegalArgumentException.class, () -> VerifyOptions.parse(
                new String[] {"--table", "t", "--public-key", "k.pem"}));
        var options = VerifyOptions.parse(new String[] {"--table", "t", "--kms-key-id", "arn:item",
                "--seal-kms-key-id", "arn:seal", "--seal-archive", "s3://archive-bucket/stack/seals/"});

        assertTrue(none.getMessage().startsWith("--seal-public-key or --seal-kms-key-id is required"));
        assertEquals(List.of(VerifyOptions.KeySource.kms("arn:seal")), options.sealKeys());
        assertEquals(new VerifyOptions.Archive("archive-bucket", "stack/seals/"), options.archive().orElseThrow());
    }

    @Test
    void aDateRangeBelongsToAnExport() {
        var error = assertThrows(IllegalArgumentException.class, () -> VerifyOptions.parse(
                new String[] {"--table", "t", "--public-key", "k.pem", "--seal-public-key", "s.pem", "--from", "2026-05-01"}));
        var options = VerifyOptions.parse(new String[] {"--table", "t", "--public-key", "k.pem", "--seal-public-key", "s.pem", "--export", "out",
                "--from", "2026-05-01", "--to", "2026-05-03"});

        assertEquals("--from and --to choose what --export writes; add --export DIR", error.getMessage());
        assertEquals(Optional.of(LocalDate.of(2026, 5, 3)), options.to());
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
