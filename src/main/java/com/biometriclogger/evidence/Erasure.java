package com.biometriclogger.evidence;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.AuditItem;
import com.biometriclogger.decision.ErasureRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Erases one subject lawfully: first one signed {@link ErasureRecord} per audit item (so the record
 * exists before anything goes, and the change alarm can call each removal lawful), then the items,
 * then every version and delete marker of the subject's images. Each step only takes away what is
 * still there, and a record is written once (a rerun finds it and goes on), so a run that stopped
 * anywhere is finished by running it again.
 *
 * <p>An item of an hour not sealed yet is not erased: its hour would then be sealed without it and
 * its record would name an id no seal holds, which {@code verify} rightly reports. The erasure waits
 * for the seal (within the hour after the item's hour ends).
 */
public final class Erasure {

    /** The audit table, as erase uses it. */
    public interface Ledger {
        /** The subject's decision items (never an erasure record), as stored. */
        List<AuditItem> itemsOf(SubjectKeys subject);

        /** @return the record already stored under the same id, when there is one (nothing is written then) */
        Optional<AuditItem> putOnce(AuditItem record);

        void delete(String attemptId);
    }

    /** The upload bucket, as erase uses it. */
    public interface Images {
        /** Every version and delete marker of every key {@code subject} covers. */
        List<ImageVersion> versionsOf(SubjectKeys subject);

        void delete(SubjectKeys subject, ImageVersion version);
    }

    public record ImageVersion(String key, String versionId) {
    }

    /**
     * What an erasure of the subject takes away now.
     *
     * @param unsealedPeriods hours of the subject's items that have no seal yet: nothing is erased while there are any
     */
    public record Plan(SubjectKeys subject, List<AuditItem> items, List<ImageVersion> images, List<String> unsealedPeriods) {
    }

    /**
     * @param recordsFound records an earlier run wrote (by its request reference, which may differ from this one's)
     */
    public record Outcome(int recordsWritten, List<AuditItem> recordsFound, int itemsDeleted, int imagesDeleted) {
    }

    private final Ledger ledger;
    private final Images images;
    private final Sealer.SealStore seals;
    private final EvidenceSigning signing;
    private final Clock clock;

    public Erasure(Ledger ledger, Images images, Sealer.SealStore seals, EvidenceSigning signing, Clock clock) {
        this.ledger = ledger;
        this.images = images;
        this.seals = seals;
        this.signing = signing;
        this.clock = clock;
    }

    public Plan plan(SubjectKeys subject) {
        var items = ledger.itemsOf(subject);
        var unsealed = new TreeSet<String>();
        items.stream().map(item -> item.get(AuditAttribute.SEAL_PERIOD).orElse("")).distinct()
                .filter(period -> !seals.isSealed(period)).forEach(unsealed::add);
        return new Plan(subject, items, images.versionsOf(subject), List.copyOf(unsealed));
    }

    /** @throws IllegalStateException when the plan has items of unsealed hours (nothing is erased then) */
    public Outcome erase(Plan plan, ErasureRecord.Request request) {
        if (!plan.unsealedPeriods().isEmpty()) {
            throw new IllegalStateException("items of hours not sealed yet (" + String.join(", ", plan.unsealedPeriods())
                    + " UTC): erase again once they are sealed, within the hour after each ends");
        }
        int written = 0;
        List<AuditItem> found = new ArrayList<>();
        for (var item : plan.items()) {
            var record = signing.signItem(ErasureRecord.of(item, CanonicalForm.digest(item.attributes()), request,
                    clock.instant()));
            var earlier = ledger.putOnce(record);
            if (earlier.isPresent()) {
                found.add(earlier.get());
            } else {
                written++;
            }
        }
        plan.items().forEach(item -> ledger.delete(item.attemptId()));
        plan.images().forEach(version -> images.delete(plan.subject(), version));
        return new Outcome(written, List.copyOf(found), plan.items().size(), plan.images().size());
    }
}
