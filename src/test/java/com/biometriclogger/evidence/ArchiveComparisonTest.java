package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.evidence.Finding.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveComparisonTest {

    private static final String HOUR = "2026-05-03T08";

    @TempDir
    Path dir;

    private SealedLedger ledger;
    private final ArchiveComparison comparison = new ArchiveComparison();
    private final List<Finding> findings = new ArrayList<>();

    @BeforeEach
    void oneHourSealed() {
        ledger = SealedLedger.twoDecisionsSealed(dir);
    }

    @Test
    void withoutAnArchiveTheTableIsWhatIsChecked() {
        tableHolds(ledger.parts(HOUR));

        assertEquals(Map.of(HOUR, ledger.parts(HOUR)), comparison.authoritativeSeals(findings::add));
        assertFalse(comparison.archiveRead());
        assertEquals(List.of(), findings);
    }

    @Test
    void aTableCopyMatchingTheArchiveIsClean() {
        tableHolds(ledger.parts(HOUR));
        archiveHolds(ledger.parts(HOUR), 1, 0);

        assertEquals(Map.of(HOUR, ledger.parts(HOUR)), comparison.authoritativeSeals(findings::add));
        assertEquals(List.of(), findings);
    }

    @Test
    void aRewrittenTableCopyLosesToTheArchive() {
        var rewritten = ledger.parts(HOUR);
        rewritten.get(0).put(SealRecord.LEAVES, "");
        tableHolds(rewritten);
        archiveHolds(ledger.parts(HOUR), 1, 0);

        var seals = comparison.authoritativeSeals(findings::add);

        assertEquals(ledger.parts(HOUR), seals.get(HOUR), "the archived copy is the one checked");
        assertEquals(List.of(new Finding(Problem.SEAL_DIFFERS_FROM_ARCHIVE, "seal " + HOUR + "#0",
                "the seal table's copy differs from the archived one: rewritten after sealing")), findings);
    }

    @Test
    void partsOnOneSideOnlyAreNamed() {
        var extra = ledger.parts(HOUR).get(0);
        extra.put(SealRecord.SEAL_ID, HOUR + "#1");
        tableHolds(List.of(extra));
        archiveHolds(ledger.parts(HOUR), 1, 0);
        tableHolds(List.of(Map.of(SealRecord.PERIOD, "2026-05-03T09", SealRecord.SEAL_ID, "2026-05-03T09#0")));

        comparison.authoritativeSeals(findings::add);

        assertEquals(List.of(Problem.SEAL_MISSING_FROM_TABLE, Problem.SEAL_DIFFERS_FROM_ARCHIVE, Problem.NOT_ARCHIVED),
                findings.stream().map(Finding::problem).toList());
        assertEquals("a part in the seal table that the archived seal does not have", findings.get(1).detail());
        assertEquals("seal 2026-05-03T09", findings.get(2).about());
    }

    @Test
    void anEmptyArchiveMakesEveryTableSealUnarchived() {
        tableHolds(ledger.parts(HOUR));
        comparison.archiveWasEmpty();

        assertEquals(Map.of(), comparison.authoritativeSeals(findings::add));
        assertEquals(List.of(Problem.NOT_ARCHIVED), findings.stream().map(Finding::problem).toList());
    }

    @Test
    void anOverwrittenHiddenOrUnreadableArchiveIsNamedByItsKey() {
        archiveHolds(ledger.parts(HOUR), 2, 1);
        comparison.addArchived(new ArchivedSeal("seals/x.json", "seals/x.json", List.of(), 1, 0,
                Optional.of("not JSON")), findings::add);

        assertEquals(List.of(Problem.ARCHIVE_OVERWRITTEN, Problem.ARCHIVE_HIDDEN, Problem.SEAL_INVALID),
                findings.stream().map(Finding::problem).toList());
        assertEquals(List.of("seals/" + HOUR, "seals/" + HOUR, "seals/x.json"),
                findings.stream().map(Finding::about).toList());
        assertEquals(List.of(HOUR), List.copyOf(comparison.authoritativeSeals(findings::add).keySet()),
                "an unreadable archived seal is not checked");
    }

    @Test
    void aTablePartWithANonStringAttributeIsInvalidAndNotCompared() {
        comparison.addTablePart(new StoredItem(ledger.parts(HOUR).get(0), List.of("part")), findings::add);

        assertEquals(List.of(new Finding(Problem.SEAL_INVALID, "seal " + HOUR + "#0",
                "attributes stored as another type than String: [part]")), findings);
        assertTrue(comparison.authoritativeSeals(findings::add).isEmpty());
    }

    private void tableHolds(List<Map<String, String>> parts) {
        parts.forEach(part -> comparison.addTablePart(new StoredItem(part, List.of()), findings::add));
    }

    private void archiveHolds(List<Map<String, String>> parts, int versions, int deleteMarkers) {
        comparison.addArchived(new ArchivedSeal(HOUR, "seals/" + HOUR, parts, versions, deleteMarkers, Optional.empty()),
                findings::add);
    }
}
