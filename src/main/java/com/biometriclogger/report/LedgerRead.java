package com.biometriclogger.report;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.ErasureRecord;
import com.biometriclogger.evidence.ArchivedSeal;
import com.biometriclogger.evidence.SealRecord;
import com.biometriclogger.evidence.SignatureChecked;
import com.biometriclogger.evidence.StoredItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What verify read, kept for the page while verify's own checks stream past: the decisions with
 * their signature status, and which hours the seal table and the archive hold. Values are kept as
 * read (as text); only the page decides how to show them.
 */
public final class LedgerRead {

    private final List<ReportedDecision> decisions = new ArrayList<>();
    private final TreeMap<String, String> sealedAt = new TreeMap<>();
    private final TreeSet<String> archived = new TreeSet<>();

    /** An item as verify checked it; erasure records are verify's business, not a decision to show. */
    public void addItem(SignatureChecked checked) {
        Map<String, String> attributes = checked.item().attributes();
        if (!ErasureRecord.isErasure(attributes)) {
            decisions.add(new ReportedDecision(attributes, checked.signatureHolds()));
        }
    }

    /** A seal part in the seal table: its hour is sealed there (verify judges whether validly). */
    public void addSeal(StoredItem seal) {
        seal.get(SealRecord.PERIOD).ifPresent(period ->
                sealedAt.merge(period, seal.get(SealRecord.SEALED_AT).orElse(""), (a, b) -> a.compareTo(b) <= 0 ? a : b));
    }

    public void addArchived(ArchivedSeal seal) {
        archived.add(seal.period());
    }

    /** In the order they were decided (as recorded), so a reader scans time downwards. */
    List<ReportedDecision> decisions() {
        return decisions.stream().sorted(Comparator.comparing((ReportedDecision d) -> d.get(AuditAttribute.DECIDED_AT))
                .thenComparing(ReportedDecision::attemptId)).toList();
    }

    /** Hour (as stored) to when its seal says it was sealed. */
    Map<String, String> sealedHours() {
        return Map.copyOf(sealedAt);
    }

    boolean archived(String hour) {
        return archived.contains(hour);
    }

    SortedSet<String> hoursSeen() {
        var hours = new TreeSet<String>(sealedAt.keySet());
        hours.addAll(archived);
        decisions.forEach(decision -> hours.add(decision.hour()));
        return hours;
    }
}
