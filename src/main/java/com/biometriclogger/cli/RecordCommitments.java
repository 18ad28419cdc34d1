package com.biometriclogger.cli;

import com.biometriclogger.aws.AwsClients;
import com.biometriclogger.aws.S3CommitmentArchive;
import com.biometriclogger.evidence.Commitment;
import com.biometriclogger.util.TextWrap;
import java.io.PrintStream;
import java.util.Optional;

/** Where {@code erase} and {@code review} commit the records they write: the archive given, else nowhere, said on stderr. */
final class RecordCommitments {

    private RecordCommitments() {
    }

    /**
     * @param command       the command's name, to start the warning
     * @param whatGoesUnnamed what is left unnamed without the commitments, for the warning
     */
    static Commitment.Archive to(Optional<VerifyOptions.Archive> archive, AwsClients clients, PrintStream err,
                                 String command, String whatGoesUnnamed) {
        if (archive.isEmpty()) {
            err.println(TextWrap.wrap(command + ": ", "  ", "warning: no --commitments: " + whatGoesUnnamed));
            return commitment -> { };
        }
        return new S3CommitmentArchive(clients.s3(), archive.get().bucket(), archive.get().prefix());
    }
}
