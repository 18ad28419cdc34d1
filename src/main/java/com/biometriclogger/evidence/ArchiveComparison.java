package com.biometriclogger.evidence;

import com.biometriclogger.evidence.Finding.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The seal table's copy of each hour against the write-once archive's. Once any archive was read,
 * the archive is authoritative: the seals checked are its copies, and the table's must match them.
 * Periods stay as written here, parsed with the rest of a seal by {@link SealHeads}.
 */
final class ArchiveComparison {

    private final Map<String, List<Map<String, String>>> tableSeals = new TreeMap<>();
    private final Map<String, ArchivedSeal> archivedSeals = new TreeMap<>();
    private boolean archiveRead;

    /** A seal part as the seal table holds it. */
    void addTablePart(StoredItem seal, Consumer<Finding> findings) {
        var attributes = seal.attributes();
        if (!seal.nonStringAttributes().isEmpty()) {
            findings.accept(new Finding(Problem.SEAL_INVALID, "seal " + attributes.getOrDefault(SealRecord.SEAL_ID, ""),
                    "attributes stored as another type than String: " + seal.nonStringAttributes()));
            return;
        }
        tableSeals.computeIfAbsent(attributes.getOrDefault(SealRecord.PERIOD, ""), p -> new ArrayList<>()).add(attributes);
    }

    void addArchived(ArchivedSeal archived, Consumer<Finding> findings) {
        archiveRead = true;
        archivedSeals.put(archived.period(), archived);
        if (archived.versions() > 1) {
            findings.accept(new Finding(Problem.ARCHIVE_OVERWRITTEN, archived.key(), archived.versions()
                    + " versions: a seal was written again over the locked one (the first version is the one checked)"));
        }
        if (archived.deleteMarkers() > 0) {
            findings.accept(new Finding(Problem.ARCHIVE_HIDDEN, archived.key(), "a delete marker hides the archived seal "
                    + "(its locked version is still there and is the one checked)"));
        }
        archived.unreadable().ifPresent(why -> findings.accept(new Finding(Problem.SEAL_INVALID, archived.key(), why)));
    }

    void archiveWasEmpty() {
        archiveRead = true;
    }

    boolean archiveRead() {
        return archiveRead;
    }

    /** The archive's copy of each hour where one was read, compared with the table's; else the table's. */
    Map<String, List<Map<String, String>>> authoritativeSeals(Consumer<Finding> findings) {
        if (!archiveRead) {
            return tableSeals;
        }
        Map<String, List<Map<String, String>>> seals = new TreeMap<>();
        for (var archived : archivedSeals.values()) {
            if (archived.unreadable().isPresent()) {
                continue;
            }
            seals.put(archived.period(), archived.parts());
            compareWithTable(archived, findings);
        }
        tableSeals.keySet().stream().filter(period -> !archivedSeals.containsKey(period)).forEach(period ->
                findings.accept(new Finding(Problem.NOT_ARCHIVED, "seal " + period, "in the seal table but not in the "
                        + "archive: every seal is archived before the table is written, so this one was not written by the sealer")));
        return seals;
    }

    private void compareWithTable(ArchivedSeal archived, Consumer<Finding> findings) {
        var byId = new HashMap<String, Map<String, String>>();
        tableSeals.getOrDefault(archived.period(), List.of())
                .forEach(part -> byId.put(part.getOrDefault(SealRecord.SEAL_ID, ""), part));
        for (var part : archived.parts()) {
            String id = part.getOrDefault(SealRecord.SEAL_ID, "");
            var stored = byId.remove(id);
            if (stored == null) {
                findings.accept(new Finding(Problem.SEAL_MISSING_FROM_TABLE, "seal " + id,
                        "archived, but gone from the seal table (the sealer restores it on its next run)"));
            } else if (!stored.equals(part)) {
                findings.accept(new Finding(Problem.SEAL_DIFFERS_FROM_ARCHIVE, "seal " + id,
                        "the seal table's copy differs from the archived one: rewritten after sealing"));
            }
        }
        byId.keySet().stream().sorted().forEach(id -> findings.accept(new Finding(Problem.SEAL_DIFFERS_FROM_ARCHIVE,
                "seal " + id, "a part in the seal table that the archived seal does not have")));
    }
}
