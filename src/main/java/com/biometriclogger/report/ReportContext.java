package com.biometriclogger.report;

import com.biometriclogger.evidence.EvidenceKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the page says about its own making and about what was (and was not) checked, beside what
 * verify found.
 *
 * @param command        the command line as given, so a reader can run it again
 * @param version        the version of the tool that made the page
 * @param archive        the seal archive read, {@code s3://bucket/prefix}; empty when none was
 * @param rederived      whether decisions were re-derived from their figures
 * @param imagesRehashed whether image versions were re-hashed
 * @param result         the verdict line, as the table prints it after {@code RESULT:}
 * @param status         verify's exit status: 0 intact, 1 something found, 3 not checked against the archive
 */
public record ReportContext(String command, String version, Instant generatedAt, String table, String sealTable,
                            List<EvidenceKey> itemKeys, List<EvidenceKey> sealKeys, Optional<String> archive,
                            boolean rederived, boolean imagesRehashed, String result, int status) {
}
