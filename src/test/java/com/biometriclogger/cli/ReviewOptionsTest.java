package com.biometriclogger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.biometriclogger.decision.ReviewRecord;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewOptionsTest {

    private static final String ID = "0123456789abcdef".repeat(4);

    @Test
    void withoutAnAttemptItLists() {
        assertEquals(new ReviewOptions("audit", List.of("k"), Optional.empty(), Optional.empty()),
                ReviewOptions.parse(new String[] {"--table", "audit", "--kms-key-id", "k"}, "me"));
    }

    @Test
    void theCommitmentsAreWhereTheRecordIsCommitted() {
        var options = ReviewOptions.parse(new String[] {"--table", "audit", "--kms-key-id", "k", "--commitments",
                "s3://archive", "--attempt", ID, "--outcome", "APPROVED", "--reason", "same person"}, "me");

        assertEquals(Optional.of(new VerifyOptions.Archive("archive", "commitments/")), options.commitments());
    }

    @Test
    void anAttemptIsRecordedWithItsOutcomeReasonAndReviewer() {
        var options = ReviewOptions.parse(new String[] {"--table", "audit", "--kms-key-id", "k", "--attempt", ID,
                "--outcome", "denied", "--reason", "another person", "--contested"}, "me");

        assertEquals(Optional.of(new ReviewOptions.Recording(ID, new ReviewRecord.Request(ReviewRecord.Outcome.DENIED,
                "another person", "me", true))), options.review());
    }

    @Test
    void aMalformedAttemptIdOrOutcomeIsRefusedByName() {
        var id = assertThrows(IllegalArgumentException.class, () -> ReviewOptions.parse(new String[] {"--table", "t",
                "--kms-key-id", "k", "--attempt", ID.toUpperCase(java.util.Locale.ROOT), "--outcome", "APPROVED", "--reason", "r"}, "me"));
        var outcome = assertThrows(IllegalArgumentException.class, () -> ReviewOptions.parse(new String[] {"--table", "t",
                "--kms-key-id", "k", "--attempt", ID, "--outcome", "MAYBE", "--reason", "r"}, "me"));
        var orphan = assertThrows(IllegalArgumentException.class, () -> ReviewOptions.parse(new String[] {"--table", "t",
                "--kms-key-id", "k", "--outcome", "APPROVED"}, "me"));

        assertEquals("--attempt must be an attempt id, 64 lowercase hex digits, got '" + ID.toUpperCase(java.util.Locale.ROOT) + "'",
                id.getMessage());
        assertEquals("--outcome must be APPROVED or DENIED, got 'MAYBE'", outcome.getMessage());
        assertEquals("--outcome, --reason and --contested need --attempt", orphan.getMessage());
    }
}
