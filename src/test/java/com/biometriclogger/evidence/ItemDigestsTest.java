package com.biometriclogger.evidence;

import static com.biometriclogger.evidence.TestIds.id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.biometriclogger.evidence.Finding.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemDigestsTest {

    private static final String HOUR = "2026-05-03T08";

    @TempDir
    Path dir;

    private SealedLedger ledger;
    private final ItemDigests digests = new ItemDigests();
    private final ErasureAccounts erasures = new ErasureAccounts();
    private final List<Finding> findings = new ArrayList<>();

    @BeforeEach
    void twoDecisionsSealed() {
        ledger = SealedLedger.twoDecisionsSealed(dir);
    }

    @Test
    void itemsAsSealedMatchTheirSeal() {
        ledger.items.forEach((id, item) -> digests.add(HOUR, id, CanonicalForm.digest(item)));

        digests.compareWithSeal(ledger.hour(HOUR), erasures, findings::add);

        assertEquals(List.of(), findings);
        assertEquals(0, digests.unsealed(Set.of(SealPeriod.parse(HOUR))));
    }

    @Test
    void aChangedAMissingAndAnAddedItemAreEachNamed() {
        digests.add(HOUR, id("a1"), "0".repeat(64));
        digests.add(HOUR, id("a3"), CanonicalForm.digest(ledger.items.get(id("a1"))));

        digests.compareWithSeal(ledger.hour(HOUR), erasures, findings::add);

        assertEquals(List.of(Problem.CHANGED_AFTER_SEALING, Problem.DELETED_AFTER_SEALING, Problem.NOT_IN_SEAL),
                findings.stream().map(Finding::problem).toList());
        assertEquals(List.of(id("a1"), id("a2"), id("a3")), findings.stream().map(Finding::about).toList());
        assertEquals("sealed in hour 2026-05-03T08 UTC, missing from the table", findings.get(1).detail());
    }

    @Test
    void itemsFiledUnderNoHourAreUnsealedButPresent() {
        digests.add("", "blank", "d1");
        digests.add("2026-05-03T8", "short", "d2");
        digests.add("2026-05-03T09", "next", "d3");

        assertEquals(3, digests.unsealed(Set.of(SealPeriod.parse(HOUR))));
        assertEquals(Set.of("blank", "short", "next"), digests.presentIds());
        assertEquals(List.of(SealPeriod.parse("2026-05-03T09")), List.copyOf(digests.idsByPeriod().keySet()));
    }
}
