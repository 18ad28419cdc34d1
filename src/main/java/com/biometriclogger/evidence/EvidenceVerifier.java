package com.biometriclogger.evidence;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.ErasureRecord;
import com.biometriclogger.decision.ObjectVersion;
import com.biometriclogger.decision.ReviewRecord;
import com.biometriclogger.evidence.Finding.Problem;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks a ledger's evidence, as CloudTrail's {@code validate-logs} checks its digest chain: each
 * item's signature under one of the trusted item keys ({@link SignatureCheck}); each hour's seal,
 * signed by a trusted seal key ({@link SealHeads}), against the content of that hour's items
 * ({@link ItemDigests}); each seal in the table against its write-once archived copy, which is
 * authoritative ({@link ArchiveComparison}); the seals' chain from its genesis to the newest
 * ({@link SealChain}); each item's timing; each sealed item gone from the table against the erasure
 * record that may account for it ({@link ErasureAccounts}); each review record against the decision it
 * names ({@link ReviewAccounts}); optionally each decision against its
 * figures and each image against its hash. Items are fed one at a time, so a table of any size is
 * checked in one pass; this front owns the findings and the counts.
 */
public final class EvidenceVerifier {

    /** Whether an image version still hashes to what was recorded; empty when it is no longer stored. */
    public interface ImageHashes {
        Optional<String> sha256(ObjectVersion image);
    }

    private static final String ATTEMPT_ID = AuditAttribute.ATTEMPT_ID.stored();
    private static final String SEAL_PERIOD = AuditAttribute.SEAL_PERIOD.stored();

    private final SignatureCheck itemSignatures;
    private final SealHeads sealHeads;
    private final Optional<RecordedDecisionCheck> decisionCheck;
    private final Optional<ImageHashes> images;

    private final List<Finding> findings = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final ItemDigests items = new ItemDigests();
    private final ArchiveComparison archive = new ArchiveComparison();
    private final NavigableSet<String> archivesNamed = new TreeSet<>();
    private final ErasureAccounts erasures = new ErasureAccounts();
    private final ReviewAccounts reviews = new ReviewAccounts();
    private int itemsChecked;
    private int signaturesValid;
    private int decisionsRederived;
    private int imagesChecked;
    private int imagesGone;

    /**
     * @param itemKeys      the keys items (and erasure records) may be signed by, one or more: a
     *                      replaced key stays trusted for what it signed
     * @param sealKeys      the keys seals may be signed by: not the item keys, so the function's role
     *                      (which signs items) cannot forge a seal
     * @param decisionCheck empty skips re-deriving decisions from their figures
     * @param images        empty skips the image check
     */
    public EvidenceVerifier(List<EvidenceKey> itemKeys, List<EvidenceKey> sealKeys,
                            Optional<RecordedDecisionCheck> decisionCheck, Optional<ImageHashes> images) {
        if (itemKeys.isEmpty() || sealKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted item key and one trusted seal key");
        }
        this.itemSignatures = new SignatureCheck(itemKeys);
        this.sealHeads = new SealHeads(new SignatureCheck(sealKeys));
        this.decisionCheck = decisionCheck;
        this.images = images;
    }

    public void checkItem(StoredItem item) {
        record(checkSignature(item));
    }

    /**
     * The costly half of checking an item: it touches no state, so callers may run it on many
     * threads and pass the results to {@link #record} in any order.
     */
    public SignatureChecked checkSignature(StoredItem item) {
        return itemSignatures.item(item);
    }

    public void record(SignatureChecked checked) {
        itemsChecked++;
        var attributes = checked.item().attributes();
        String id = checked.item().get(ATTEMPT_ID).orElse("");
        findings.addAll(checked.problems());
        boolean erasure = ErasureRecord.isErasure(attributes);
        if (checked.signatureHolds()) {
            signaturesValid++;
            if (erasure) {
                erasures.addRecord(attributes, id, findings::add);
            } else if (ReviewRecord.isReview(attributes)) {
                reviews.addRecord(attributes, id, findings::add);
            } else {
                reviews.addDecision(attributes, id);
                decisionCheck.ifPresent(check -> checkDecision(check, attributes, id));
                images.ifPresent(hashes -> checkImage(hashes, attributes, id));
            }
        }
        String filedUnder = checked.item().get(SEAL_PERIOD).orElse("");
        checkTiming(attributes, id, filedUnder);
        items.add(filedUnder, id, CanonicalForm.digest(attributes));
    }

    /** A seal part as the seal table holds it. */
    public void checkSeal(StoredItem seal) {
        seal.get(SealRecord.ARCHIVE).ifPresent(archivesNamed::add);
        archive.addTablePart(seal, findings::add);
    }

    /** An hour as the write-once archive holds it; once any is given, the archive is authoritative. */
    public void checkArchivedSeal(ArchivedSeal archived) {
        archived.parts().forEach(part -> Optional.ofNullable(part.get(SealRecord.ARCHIVE)).ifPresent(archivesNamed::add));
        archive.addArchived(archived, findings::add);
    }

    /** Call when an archive was read and held nothing: every table seal is then unarchived. */
    public void archiveWasEmpty() {
        archive.archiveWasEmpty();
    }

    /** Call when the archive's store keeps no versions (a local stack on disk; never an Object Lock bucket). */
    public void archiveKeepsNoVersions() {
        warnings.add("the seal archive keeps no versions, so a seal written over another cannot be seen: "
                + "a deployed archive has Object Lock, which requires versioning");
    }

    public EvidenceReport finish(Instant now) {
        SortedMap<SealPeriod, SealedPeriod> sealed = new TreeMap<>();
        int legacyPeriods = 0;
        for (var entry : archive.authoritativeSeals(findings::add).entrySet()) {
            var seal = sealHeads.read(entry.getKey(), entry.getValue(), findings::add);
            if (seal.isPresent()) {
                items.compareWithSeal(seal.get(), erasures, findings::add);
                sealed.put(seal.get().period(), seal.get());
                legacyPeriods += seal.get().commitsToContent() ? 0 : 1;
            }
        }
        var chain = new SealChain(sealed);
        var genesis = chain.checkLinks(findings::add);
        erasures.checkEachAccountsForASealedItem(items.presentIds(), findings::add);
        var reviewed = reviews.check(items.presentIds()::contains, erasures::accountsFor, findings::add);
        chain.checkContinuity(findings::add);
        chain.checkItemPeriods(items.idsByPeriod(), genesis, SealPeriod.containing(now), findings::add);
        warnAboutCoverage(sealed, legacyPeriods, now);
        Optional<SealPeriod> first = sealed.isEmpty() ? Optional.empty() : Optional.of(sealed.firstKey());
        Optional<SealPeriod> newest = sealed.isEmpty() ? Optional.empty() : Optional.of(sealed.lastKey());
        return new EvidenceReport(itemsChecked, signaturesValid, sealed.size(), first, newest,
                items.unsealed(sealed.keySet()), decisionCheck.map(check -> decisionsRederived),
                images.map(hashes -> imagesChecked), imagesGone, erasures.erased(),
                List.copyOf(findings), List.copyOf(warnings), List.copyOf(archivesNamed), reviewed.reviewed(),
                reviewed.awaitingReview());
    }

    private void warnAboutCoverage(SortedMap<SealPeriod, SealedPeriod> sealed, int legacyPeriods, Instant now) {
        if (!sealed.isEmpty() && sealed.lastKey().end().isBefore(now.minus(Duration.ofHours(2)))) {
            warnings.add("the newest seal is for " + sealed.lastKey() + " UTC: decisions after it are not yet protected "
                    + "against deletion (is the seal function running?)");
        }
        if (sealed.isEmpty() && itemsChecked > 0) {
            warnings.add("no seals: deletions cannot be detected until the seal function has run");
        }
        if (legacyPeriods > 0) {
            warnings.add(legacyPeriods + " hours are sealed by version-1 seals (attempt ids only): an item of those hours "
                    + "changed and re-signed by a holder of the signing key would not be named");
        }
        if (!archive.archiveRead() && !sealed.isEmpty()) {
            warnings.add("seals were checked against the seal table only: give --seal-archive to check them against "
                    + "their write-once copies, without which a seal rewritten by the seal role could go unnamed");
        }
    }

    /** An item's seal period is the hour of its decision (or erasure). */
    private void checkTiming(Map<String, String> attributes, String id, String filedUnder) {
        String datedAt = ErasureRecord.datedAt(attributes);
        try {
            String hour = SealPeriod.containing(Instant.parse(datedAt)).toString();
            if (!hour.equals(filedUnder)) {
                findings.add(new Finding(Problem.ITEM_MISDATED, id, "dated " + datedAt + " but filed under hour '"
                        + filedUnder + "': an item's seal period is the hour of its decision (or erasure)"));
            }
        } catch (DateTimeParseException e) {
            findings.add(new Finding(Problem.ITEM_MISDATED, id, "dated '" + datedAt + "', which is not an instant"));
        }
    }

    private void checkDecision(RecordedDecisionCheck check, Map<String, String> attributes, String id) {
        check.rederive(attributes).ifPresent(outcome -> {
            decisionsRederived++;
            outcome.contradiction().ifPresent(why -> findings.add(new Finding(Problem.DECISION_DOES_NOT_FOLLOW, id, why)));
        });
    }

    private void checkImage(ImageHashes hashes, Map<String, String> attributes, String id) {
        String recorded = value(attributes, AuditAttribute.SHA256);
        if (recorded.isEmpty()) {
            return;
        }
        var actual = hashes.sha256(new ObjectVersion(value(attributes, AuditAttribute.BUCKET),
                value(attributes, AuditAttribute.OBJECT_KEY), value(attributes, AuditAttribute.VERSION_ID),
                value(attributes, AuditAttribute.E_TAG)));
        if (actual.isEmpty()) {
            imagesGone++;
            return;
        }
        imagesChecked++;
        if (!actual.get().equals(recorded)) {
            findings.add(new Finding(Problem.IMAGE_CHANGED, id, "the stored image version hashes to "
                    + actual.get() + ", the decision recorded " + recorded));
        }
    }

    private static String value(Map<String, String> attributes, AuditAttribute attribute) {
        return attributes.getOrDefault(attribute.stored(), "");
    }
}
