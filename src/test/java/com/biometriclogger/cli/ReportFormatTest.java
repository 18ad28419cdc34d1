package com.biometriclogger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.evidence.EvidenceKey;
import com.biometriclogger.evidence.EvidenceReport;
import com.biometriclogger.evidence.Finding;
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
        assertTrue(table.strip().endsWith("RESULT: 1 PROBLEM(S) FOUND"), table);
    }

    @Test
    void aFindingWithAnEmptySubjectIsPrintedNotACrash() throws Exception {
        var empty = new Finding(Finding.Problem.SEAL_INVALID, "", "seal without period");

        String table = ReportFormat.table(options(), List.of(key()), List.of(key()), report(List.of(empty)));

        assertTrue(table.lines().anyMatch(line -> line.matches("SEAL_INVALID +seal without period")), table);
    }

    private static VerifyOptions options() {
        return VerifyOptions.parse(new String[] {"--table", "t", "--public-key", "k.pem", "--seal-public-key", "s.pem"});
    }

    private static EvidenceKey key() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return EvidenceKey.fromSubjectPublicKeyInfo(null, generator.generateKeyPair().getPublic().getEncoded());
    }

    private static EvidenceReport report(List<Finding> findings) {
        return new EvidenceReport(1, 0, 0, Optional.empty(), Optional.empty(), 1, Optional.empty(), Optional.empty(), 0,
                0, findings, List.of());
    }
}
