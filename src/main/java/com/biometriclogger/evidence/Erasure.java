package com.biometriclogger.evidence;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.AuditItem;
import com.biometriclogger.decision.ErasureRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 *
 * <p>A record is filed under the hour it is written in, unless that hour is sealed already, which
 * only an early seal (the local stack's {@code seal}) does: a record added to a sealed hour is what
 * an insider's addition looks like ({@code NOT_IN_SEAL}), so it goes into the next hour instead, and
 * verify accepts that of an erasure record written after its own hour's seal, and of nothing else.
 *
 * <p>An item that does not verify ({@link ErasableCheck}) is refused: it stays, with the image
 * version it names, for an investigation, and gets no record; a rerun after the investigation
 * erases it once it verifies.
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

    /** The seal table, as erase reads it. */
    public interface Seals {
        /** The hour's seal parts as stored, part 0 first; empty when the hour has no seal yet. */
        List<Map<String, String>> partsOf(String period);
    }

    public record ImageVersion(String key, String versionId) {
    }

    /**
     * What an erasure of the subject takes away now.
     *
     * @param items           the items that verify, which get records and go
     * @param refused         why each item that does not verify stays (no record is signed for it)
     * @param images          the versions that go: every one but those the refused items name
     * @param unsealedPeriods hours of the subject's items that have no seal yet: nothing is erased while there are any
     */
    public record Plan(SubjectKeys subject, List<AuditItem> items, List<Finding> refused, List<ImageVersion> images,
                       List<String> unsealedPeriods) {
    }

    /**
     * @param recordsFound records an earlier run wrote (by its request reference, which may differ from this one's)
     */
    public record Outcome(int recordsWritten, List<AuditItem> recordsFound, int itemsDeleted, int imagesDeleted) {
    }

    private final Ledger ledger;
    private final Images images;
    private final Seals seals;
    private final ErasableCheck erasable;
    private final EvidenceSigning signing;
    private final Commitment.Archive commitments;
    private final Clock clock;

    /**
     * @param trusted     the item keys, as verify trusts them: an item must verify under one to be erased
     * @param commitments where each record is committed before any item goes, as the function commits decisions
     */
    public Erasure(Ledger ledger, Images images, Seals seals, SignatureCheck trusted, EvidenceSigning signing,
                   Commitment.Archive commitments, Clock clock) {
        this.ledger = ledger;
        this.images = images;
        this.seals = seals;
        this.erasable = new ErasableCheck(trusted);
        this.signing = signing;
        this.commitments = commitments;
        this.clock = clock;
    }

    public Plan plan(SubjectKeys subject) {
        var sealOf = new HashMap<String, List<Map<String, String>>>();
        var unsealed = new TreeSet<String>();
        List<AuditItem> items = new ArrayList<>();
        List<Finding> refused = new ArrayList<>();
        var kept = new HashSet<ImageVersion>();
        for (var item : ledger.itemsOf(subject)) {
            String period = item.get(AuditAttribute.SEAL_PERIOD).orElse("");
            var seal = sealOf.computeIfAbsent(period, seals::partsOf);
            // An unsealed item is listed but not checked: nothing is erased until its hour is sealed.
            var problem = seal.isEmpty() ? Optional.<Finding>empty() : erasable.problem(item, seal);
            if (seal.isEmpty()) {
                unsealed.add(period);
            }
            problem.ifPresentOrElse(refusal -> {
                refused.add(refusal);
                // The investigation may need the image the item claims to judge: that version stays with it.
                kept.add(new ImageVersion(item.get(AuditAttribute.OBJECT_KEY).orElse(""),
                        item.get(AuditAttribute.VERSION_ID).orElse("")));
            }, () -> items.add(item));
        }
        var versions = images.versionsOf(subject).stream().filter(version -> !kept.contains(version)).toList();
        return new Plan(subject, List.copyOf(items), List.copyOf(refused), versions, List.copyOf(unsealed));
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
            var now = clock.instant();
            var record = signing.signItem(ErasureRecord.of(item, CanonicalForm.digest(item.attributes()), request, now),
                    filingPeriod(now));
            var earlier = ledger.putOnce(record);
            // The record as stored (an earlier run's, when there is one), so a rerun finishes a commitment that failed.
            commitments.commitOnce(Commitment.of(earlier.orElse(record).attributes()));
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

    private SealPeriod filingPeriod(Instant now) {
        var period = SealPeriod.containing(now);
        return seals.partsOf(period.toString()).isEmpty() ? period : period.next();
    }
}
