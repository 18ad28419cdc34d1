package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.biometriclogger.evidence.Finding.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErasureAccountsTest {

    private static final SealPeriod HOUR = SealPeriod.parse("2026-05-03T08");

    private final ErasureAccounts accounts = new ErasureAccounts();
    private final List<Finding> findings = new ArrayList<>();

    @Test
    void aRecordWithTheSealedDigestAccountsForTheMissingItem() {
        accounts.addRecord(record("a1", "d1"), "erasure-a1", findings::add);
        accounts.sealed(List.of("a1"));

        accounts.accountForMissing(HOUR, "a1", Optional.of("d1"), findings::add);
        accounts.checkEachAccountsForASealedItem(Set.of(), findings::add);

        assertEquals(List.of(), findings);
        assertEquals(1, accounts.erased());
    }

    @Test
    void aMissingItemWithoutARecordWasDeleted() {
        accounts.accountForMissing(HOUR, "a1", Optional.of("d1"), findings::add);

        assertEquals(List.of(new Finding(Problem.DELETED_AFTER_SEALING, "a1",
                "sealed in hour 2026-05-03T08 UTC, missing from the table")), findings);
        assertEquals(0, accounts.erased());
    }

    @Test
    void aRecordNamingAnotherDigestDoesNotAccountForTheSealedItem() {
        accounts.addRecord(record("a1", "other"), "erasure-a1", findings::add);

        accounts.accountForMissing(HOUR, "a1", Optional.of("d1"), findings::add);

        assertEquals(List.of(Problem.ERASURE_MISMATCH), problems());
        assertEquals("erasure-a1", findings.get(0).about());
    }

    @Test
    void aVersionOneSealCommitsToNoDigestSoTheRecordAloneAccounts() {
        accounts.addRecord(record("a1", "any"), "erasure-a1", findings::add);

        accounts.accountForMissing(HOUR, "a1", Optional.empty(), findings::add);

        assertEquals(1, accounts.erased());
    }

    @Test
    void aRecordStoredUnderAnotherIdIsInvalid() {
        accounts.addRecord(record("a1", "d1"), "erasure-a2", findings::add);
        accounts.accountForMissing(HOUR, "a1", Optional.of("d1"), findings::add);

        assertEquals(List.of(Problem.ERASURE_INVALID, Problem.DELETED_AFTER_SEALING), problems());
    }

    @Test
    void aRecordMustNameASealedItemThatIsGone() {
        accounts.addRecord(record("still", "d1"), "erasure-still", findings::add);
        accounts.addRecord(record("never", "d2"), "erasure-never", findings::add);
        accounts.sealed(List.of("still"));

        accounts.checkEachAccountsForASealedItem(Set.of("still"), findings::add);

        assertEquals(List.of(Problem.ERASURE_OF_UNSEALED, Problem.ERASURE_INCOMPLETE), problems());
        assertEquals(List.of("erasure-never", "erasure-still"), findings.stream().map(Finding::about).toList());
    }

    private static Map<String, String> record(String erasedId, String digest) {
        return Map.of("attemptId", "erasure-" + erasedId, "kind", "ERASURE", "erasedAttemptId", erasedId,
                "erasedDigest", digest, "erasureRequest", "REQ-1");
    }

    private List<Problem> problems() {
        return findings.stream().map(Finding::problem).toList();
    }
}
