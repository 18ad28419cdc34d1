package com.biometriclogger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.evidence.EvidenceKey;
import com.biometriclogger.evidence.EvidenceReport;
import com.biometriclogger.evidence.Finding;
import com.biometriclogger.evidence.KeyId;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The report a person reads, written from content an attacker may have put in the table. */
class ReportFormatTest {

    @Test
    void controlCharactersFromTheTableAreShownEscapedAndCannotForgeAResultLine() throws Exception {
        var hostile = new Finding(Finding.Problem.SIGNATURE_INVALID, "id",
                "uploads/\u001b[2J\u001b[H\rRESULT: INTACT\nFAKE.jpg: content does not match its signature");

        String table = ReportFormat.table(options(), List.of(key()), List.of(key()), report(List.of(hostile)));

        assertFalse(table.chars().anyMatch(c -> c == 0x1b || c == '\r'), table);
        assertTrue(table.contains("uploads/\\u001b[2J\\u001b[H\\u000dRESULT: INTACT\\u000aFAKE.jpg"), table);
        assertEquals(1, table.lines().filter(line -> line.startsWith("RESULT:")).count(), table);
        assertTrue(table.strip().endsWith("RESULT: 1 PROBLEM FOUND"), table);
    }

    @Test
    void aLongDetailGoesOnItsOwnLineSoEveryLineFitsA120ColumnTerminal() throws Exception {
        String attemptId = "62db31d99e517f1b271832aefc60b4146f47628bec62d78b5bda92ac15cd84f5";
        String detail = "references/astronaut.jpg: content does not match its signature: altered after signing, or forged";
        var finding = new Finding(Finding.Problem.SIGNATURE_INVALID, attemptId, detail);

        String table = ReportFormat.table(options(), List.of(key()), List.of(key()), report(List.of(finding)));

        assertTrue(table.contains("SIGNATURE_INVALID        " + attemptId + "\n    " + detail + "\n"), table);
        assertEquals(List.of(), table.lines().filter(line -> line.length() >= 120).toList());
    }

    @Test
    void aFindingWithAnEmptySubjectIsPrintedNotACrash() throws Exception {
        var empty = new Finding(Finding.Problem.SEAL_INVALID, "", "seal without period");

        String table = ReportFormat.table(options(), List.of(key()), List.of(key()), report(List.of(empty)));

        assertTrue(table.lines().anyMatch(line -> line.matches("SEAL_INVALID +seal without period")), table);
    }

    @Test
    void sealsNamingAnArchiveThatWasNotCheckedAreNotIntactAndSaySo() throws Exception {
        String archive = "s3://evidence-archive/seals/";
        var report = new EvidenceReport(1, 1, 0, Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty(), 0,
                0, List.of(), List.of(), List.of(archive), 0, 0);
        var checkedThere = VerifyOptions.parse(new String[] {"--table", "t", "--public-key", "k.pem", "--seal-public-key",
                "s.pem", "--seal-archive", archive, "--commitments", "s3://evidence-archive/commitments/"});
        var checkedElsewhere = VerifyOptions.parse(new String[] {"--table", "t", "--public-key", "k.pem", "--seal-public-key",
                "s.pem", "--seal-archive", "s3://a-copy/seals/"});

        String unchecked = ReportFormat.table(options(), List.of(key()), List.of(key()), report);

        assertTrue(unchecked.endsWith("RESULT: NOT VERIFIED AGAINST THE ARCHIVE " + archive + " (give --seal-archive "
                + archive + ")\n"), unchecked);
        assertEquals(3, ReportFormat.status(options(), report));
        assertTrue(ReportFormat.json(options(), List.of(key()), List.of(key()), report)
                .contains("\"intact\":false,\"uncheckedArchive\":\"" + archive + "\""));
        assertEquals(3, ReportFormat.status(checkedElsewhere, report));
        assertEquals(0, ReportFormat.status(checkedThere, report));
        assertTrue(ReportFormat.table(checkedThere, List.of(key()), List.of(key()), report).endsWith("RESULT: INTACT\n"));
    }

    @Test
    void withoutTheCommitmentsNothingIsIntactAndItSaysSo() throws Exception {
        var report = report(List.of());
        var withThem = VerifyOptions.parse(new String[] {"--table", "t", "--public-key", "k.pem", "--seal-public-key",
                "s.pem", "--commitments", "s3://evidence-archive/commitments/"});

        String unchecked = ReportFormat.table(options(), List.of(key()), List.of(key()), report);

        assertTrue(unchecked.contains("\n  commitments            not checked\n"), unchecked);
        assertTrue(unchecked.endsWith("RESULT: NOT VERIFIED AGAINST THE COMMITMENTS (give --commitments s3://BUCKET/PREFIX, "
                + "as in the stack's VerifyEvidenceCommand output)\n"), unchecked);
        assertEquals(3, ReportFormat.status(options(), report));
        assertTrue(ReportFormat.json(options(), List.of(key()), List.of(key()), report)
                .contains("\"commitments\":null,\"intact\":false,"));
        assertEquals(0, ReportFormat.status(withThem, report));
        assertTrue(ReportFormat.table(withThem, List.of(key()), List.of(key()), report)
                .contains("\n  commitments            s3://evidence-archive/commitments/\n"));
        assertEquals(1, ReportFormat.status(options(), report(List.of(new Finding(Finding.Problem.SEAL_INVALID, "", "x")))),
                "a finding is a finding, commitments or not");
    }

    private static VerifyOptions options() {
        return VerifyOptions.parse(new String[] {"--table", "t", "--public-key", "k.pem", "--seal-public-key", "s.pem"});
    }

    private static EvidenceKey key() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return new EvidenceKey(new KeyId.AnyId(), generator.generateKeyPair().getPublic());
    }

    private static EvidenceReport report(List<Finding> findings) {
        return new EvidenceReport(1, 0, 0, Optional.empty(), Optional.empty(), 1, Optional.empty(), Optional.empty(), 0,
                0, findings, List.of(), List.of(), 0, 0);
    }
}
