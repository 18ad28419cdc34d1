package com.biometriclogger.evidence;

import static com.biometriclogger.evidence.TestIds.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.evidence.Finding.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Items against their commitments, hour by hour, before any seal: what each difference is named. */
class CommitmentComparisonTest {

    private static final String HOUR = "2026-05-03T08";
    private static final SealPeriod PERIOD = SealPeriod.parse(HOUR);
    private static final String DIGEST = id("d1");
    private static final String OTHER_DIGEST = id("d2");

    private final CommitmentComparison comparison = new CommitmentComparison();
    private final ItemDigests items = new ItemDigests();
    private final ErasureAccounts erasures = new ErasureAccounts();
    private final List<Finding> findings = new ArrayList<>();

    @Test
    void anItemHashingToItsCommitmentIsNamedNothing() {
        items.add(HOUR, id("a1"), DIGEST);

        compare(archived(id("a1"), DIGEST));

        assertEquals(List.of(), findings);
    }

    @Test
    void anItemRewrittenAfterItsCommitmentIsNamedWithBothDigests() {
        items.add(HOUR, id("a1"), OTHER_DIGEST);

        compare(archived(id("a1"), DIGEST));

        assertEquals(List.of(Problem.CHANGED_AFTER_COMMITMENT), problems());
        assertEquals(id("a1"), findings.get(0).about());
        assertTrue(findings.get(0).detail().contains("with digest " + DIGEST + ", its content now hashes to " + OTHER_DIGEST),
                findings.get(0).detail());
    }

    @Test
    void aCommittedItemGoneFromTheTableIsADeletion() {
        compare(archived(id("a1"), DIGEST));

        assertEquals(List.of(Problem.DELETED_AFTER_COMMITMENT), problems());
        assertFalse(findings.get(0).detail().contains("erasure was undone"), findings.get(0).detail());
    }

    @Test
    void aGoneErasureRecordIsAnErasureUndone() {
        compare(archived("erasure-" + id("a1"), DIGEST));

        assertEquals(List.of(Problem.DELETED_AFTER_COMMITMENT), problems());
        assertTrue(findings.get(0).detail().endsWith("so the erasure was undone (a point-in-time restore?)"),
                findings.get(0).detail());
    }

    @Test
    void anErasureRecordNamingTheCommittedDigestAccountsForTheGoneItem() {
        erasures.addRecord(erasureRecord(id("a1"), DIGEST), "erasure-" + id("a1"), findings::add);

        compare(archived(id("a1"), DIGEST));

        assertEquals(List.of(), findings);
    }

    @Test
    void anErasureRecordNamingAnotherDigestAccountsForNothing() {
        erasures.addRecord(erasureRecord(id("a1"), OTHER_DIGEST), "erasure-" + id("a1"), findings::add);

        compare(archived(id("a1"), DIGEST));

        assertEquals(List.of(Problem.DELETED_AFTER_COMMITMENT), problems());
    }

    @Test
    void aCommitmentWrittenOverIsNamedAndItsFirstVersionStillCompared() {
        items.add(HOUR, id("a1"), DIGEST);
        var first = archived(id("a1"), DIGEST);

        compare(new ArchivedCommitment(first.relativeKey(), first.content(), 2));

        assertEquals(List.of(Problem.COMMITMENT_INVALID), problems());
        assertTrue(findings.get(0).detail().startsWith("holds 2 versions"), findings.get(0).detail());
    }

    @Test
    void unreadableContentIsNamedAndTheRestOfTheHourStillCompared() {
        items.add(HOUR, id("b1"), OTHER_DIGEST);

        compare(new ArchivedCommitment(HOUR + "/" + id("a1") + ".json", "{\"attemptId\":\"" + id("a2") + "\"}", 1),
                archived(id("b1"), DIGEST));

        assertEquals(List.of(Problem.COMMITMENT_INVALID, Problem.CHANGED_AFTER_COMMITMENT), problems());
        assertEquals(List.of(HOUR + "/" + id("a1") + ".json", id("b1")), findings.stream().map(Finding::about).toList());
    }

    @Test
    void objectsOutsideAnHoursFolderAreNamedOneByOne() {
        comparison.compareHour("notes", List.of(new ArchivedCommitment("notes/x.json", "{}", 1),
                new ArchivedCommitment("notes/y.json", "{}", 1)), items, erasures, findings::add);

        assertEquals(List.of(Problem.COMMITMENT_INVALID, Problem.COMMITMENT_INVALID), problems());
        assertEquals(List.of("notes/x.json", "notes/y.json"), findings.stream().map(Finding::about).toList());
    }

    @Test
    void anUnsealedItemWithoutACommitmentIsNotCommitted() {
        items.add(HOUR, id("a1"), DIGEST);
        items.add(HOUR, id("b1"), DIGEST);
        compare(archived(id("a1"), DIGEST));

        comparison.checkUncommitted(items, Set.of(), findings::add);

        assertEquals(List.of(Problem.NOT_COMMITTED), problems());
        assertEquals(id("b1"), findings.get(0).about());
    }

    @Test
    void aSealedHoursItemsNeedNoCommitment() {
        items.add(HOUR, id("b1"), DIGEST);
        compare();

        comparison.checkUncommitted(items, Set.of(PERIOD), findings::add);

        assertEquals(List.of(), findings);
    }

    @Test
    void anHourWithNoCommitmentFolderHasEveryItemUncommitted() {
        comparison.reading();
        items.add(HOUR, id("a1"), DIGEST);
        items.add("2026-05-03T09", id("b1"), DIGEST);
        compare(archived(id("a1"), DIGEST));

        comparison.checkUncommitted(items, Set.of(), findings::add);

        assertEquals(List.of(id("b1")), findings.stream().map(Finding::about).toList());
    }

    @Test
    void nothingIsNamedUncommittedWhenTheCommitmentsWereNotRead() {
        items.add(HOUR, id("a1"), DIGEST);

        comparison.checkUncommitted(items, Set.of(), findings::add);

        assertEquals(List.of(), findings);
    }

    private void compare(ArchivedCommitment... archived) {
        comparison.compareHour(HOUR, List.of(archived), items, erasures, findings::add);
    }

    private static ArchivedCommitment archived(String attemptId, String sha256) {
        var commitment = new Commitment(attemptId, sha256, "2026-05-03T08:14:00.000Z", PERIOD);
        return new ArchivedCommitment(commitment.relativeKey(), new String(commitment.content(), StandardCharsets.UTF_8), 1);
    }

    private static Map<String, String> erasureRecord(String erasedId, String digest) {
        return Map.of("attemptId", "erasure-" + erasedId, "kind", "ERASURE", "erasedAttemptId", erasedId,
                "erasedDigest", digest, "erasureRequest", "REQ-1");
    }

    private List<Problem> problems() {
        return findings.stream().map(Finding::problem).toList();
    }
}
