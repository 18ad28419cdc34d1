package com.biometriclogger.evidence;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.ErasureRecord;
import com.biometriclogger.decision.ObjectVersion;
import com.biometriclogger.decision.ReviewRecord;
import com.biometriclogger.evidence.Finding.Problem;
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
 * figures and its lockout count against the ledger ({@link LockoutAccounts}), and each image against its hash. Items are fed one at a time, so a table of any size is
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
    private final CommitmentComparison commitments = new CommitmentComparison();
    private Optional<SealPeriod> statedCutover = Optional.empty();
    private final ForwardFiledErasures forwardFiled = new ForwardFiledErasures();
    private final ReviewAccounts reviews = new ReviewAccounts();
    private final LockoutAccounts lockouts = new LockoutAccounts();
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
        if (!AttemptIds.isValid(id)) {
            findings.add(new Finding(Problem.ID_INVALID, id, "not an attempt id as the function derives one (64 "
                    + "lowercase hex digits, or erasure- and those): no seal can hold it"));
        }
        boolean erasure = ErasureRecord.isErasure(attributes);
        if (checked.signatureHolds()) {
            signaturesValid++;
            if (erasure) {
                erasures.addRecord(attributes, id, findings::add);
                decisionCheck.ifPresent(check -> lockouts.addErasure(attributes));
            } else if (ReviewRecord.isReview(attributes)) {
                reviews.addRecord(attributes, id, findings::add);
            } else {
                reviews.addDecision(attributes, id);
                decisionCheck.ifPresent(check -> checkDecision(check, attributes, id));
                images.ifPresent(hashes -> checkImage(hashes, attributes, id));
            }
        }
        String filedUnder = checked.item().get(SEAL_PERIOD).orElse("");
        if (!forwardFiled.add(id, attributes, filedUnder)) {
            checkTiming(attributes, id, filedUnder);
        }
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

    /** Call before the commitments are given (even when there are none): they are then checked. */
    public void readingCommitments() {
        commitments.reading();
    }

    /** One hour's commitments, after every item was given: held until the next hour is given. */
    public void checkCommitments(String hour, List<ArchivedCommitment> archived) {
        commitments.compareHour(hour, archived, items, erasures, findings::add);
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

    /** Version-1 seals count only for hours before {@code hour} ({@code verify --v1-cutover}). */
    public void cutOverFromVersionOneAt(SealPeriod hour) {
        statedCutover = Optional.of(hour);
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
        var chain = new SealChain(sealed, recordedCutover(sealed));
        var genesis = chain.checkLinks(findings::add);
        erasures.checkEachAccountsForASealedItem(items.presentIds(), findings::add);
        commitments.checkUncommitted(items, sealed.keySet(), findings::add);
        var reviewed = reviews.check(items.presentIds()::contains, erasures::accountsFor, findings::add);
        chain.checkContinuity(findings::add);
        decisionCheck.ifPresent(check -> lockouts.check(findings::add));
        var current = SealPeriod.containing(now);
        var beingWritten = forwardFiled.check(sealed, current, findings::add);
        chain.checkItemPeriods(ForwardFiledErasures.without(items.idsByPeriod(), beingWritten), genesis, current,
                findings::add);
        checkSealingGoesOn(sealed, now);
        warnAboutCoverage(sealed, legacyPeriods);
        Optional<SealPeriod> first = sealed.isEmpty() ? Optional.empty() : Optional.of(sealed.firstKey());
        Optional<SealPeriod> newest = sealed.isEmpty() ? Optional.empty() : Optional.of(sealed.lastKey());
        return new EvidenceReport(itemsChecked, signaturesValid, sealed.size(), first, newest,
                items.unsealed(sealed.keySet()), decisionCheck.map(check -> decisionsRederived),
                images.map(hashes -> imagesChecked), imagesGone, erasures.erased(),
                List.copyOf(findings), List.copyOf(warnings), List.copyOf(archivesNamed), reviewed.reviewed(),
                reviewed.awaitingReview());
    }

    /** Every seal read from the archive leaves no hour where version 1 may count; else the stated cutover, if any. */
    private Optional<SealChain.Cutover> recordedCutover(SortedMap<SealPeriod, SealedPeriod> sealed) {
        if (archive.archiveRead() && !sealed.isEmpty()) {
            return Optional.of(SealChain.Cutover.archived(sealed.firstKey()));
        }
        return statedCutover.map(SealChain.Cutover::stated);
    }

    private void warnAboutCoverage(SortedMap<SealPeriod, SealedPeriod> sealed, int legacyPeriods) {
        if (legacyPeriods > 0) {
            // Short enough for a 120-column terminal after "warning: ".
            warnings.add(legacyPeriods + " hour(s) sealed by version-1 seals (ids only): a change re-signed with the "
                    + "item key there goes unnamed");
        }
        if (!archive.archiveRead() && !sealed.isEmpty()) {
            warnings.add("seals were checked against the seal table only: give --seal-archive to check them against "
                    + "their write-once copies, without which a seal rewritten by the seal role could go unnamed");
        }
    }

    /**
     * A healthy sealer seals each hour within minutes of its end, so an hour left unsealed for
     * {@link Sealer#OVERDUE} means sealing has stopped: every decision since rests on its commitment alone
     * (and on nothing where verify reads none), which is a finding, not a warning.
     */
    private void checkSealingGoesOn(SortedMap<SealPeriod, SealedPeriod> sealed, Instant now) {
        if (!sealed.isEmpty() && isOverdue(sealed.lastKey().next(), now)) {
            int open = items.countAfter(sealed.lastKey());
            findings.add(new Finding(Problem.SEALING_STOPPED, "seal " + sealed.lastKey(), "the newest seal, though "
                    + sealed.lastKey().next() + " ended more than " + Sealer.OVERDUE.toHours() + " h ago: sealing has "
                    + "stopped, and " + open + " item(s) after it are in no seal"));
        } else if (sealed.isEmpty() && items.oldestPeriod().filter(oldest -> isOverdue(oldest, now)).isPresent()) {
            findings.add(new Finding(Problem.SEALING_STOPPED, "no seal", "items since " + items.oldestPeriod().get()
                    + " and no seal " + Sealer.OVERDUE.toHours() + " h after that hour ended: sealing never ran, and "
                    + itemsChecked + " item(s) are in no seal"));
        }
    }

    private static boolean isOverdue(SealPeriod unsealed, Instant now) {
        return unsealed.end().plus(Sealer.OVERDUE).isBefore(now);
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
        lockouts.addDecision(attributes, id, findings::add);
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
