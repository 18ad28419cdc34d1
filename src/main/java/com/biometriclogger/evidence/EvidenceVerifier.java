package com.biometriclogger.evidence;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.ErasureRecord;
import com.biometriclogger.decision.ObjectVersion;
import com.biometriclogger.evidence.Finding.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Checks a ledger's evidence, as CloudTrail's {@code validate-logs} checks its digest chain: each
 * item's signature under one of the trusted item keys; each hour's seal (signed by a trusted seal key)
 * against the content of that hour's items; the seals' chain from its genesis to the newest; each
 * seal in the table against its write-once archived copy, which is authoritative; each item's
 * timing; each sealed item gone from the table against the erasure record that may account for it;
 * optionally each decision against its figures and each image against its hash. Items are
 * fed one at a time, so a table of any size is checked in one pass.
 */
public final class EvidenceVerifier {

    /** An item as read from the table: its String attributes, and the names of any that are not Strings. */
    public record StoredItem(Map<String, String> attributes, List<String> nonStringAttributes) {
    }

    /** Whether an image version still hashes to what was recorded; empty when it is no longer stored. */
    public interface ImageHashes {
        Optional<String> sha256(ObjectVersion image);
    }

    /**
     * One archived hour as the archive holds it.
     *
     * @param parts         the first version's parts; empty when they cannot be read ({@code unreadable} says why)
     * @param versions      how many versions the key holds: Object Lock allows adding one, never removing one
     * @param deleteMarkers delete markers hiding the key (the locked versions stay)
     */
    public record ArchivedSeal(String period, String key, List<Map<String, String>> parts, int versions,
                               int deleteMarkers, Optional<String> unreadable) {
    }

    /** An item's signature, checked by {@link #checkSignature}. */
    public record SignatureChecked(StoredItem item, Optional<Finding> problem) {
    }

    private static final String ATTEMPT_ID = AuditAttribute.ATTEMPT_ID.stored();
    private static final String SEAL_PERIOD = AuditAttribute.SEAL_PERIOD.stored();

    private final List<EvidenceKey> itemKeys;
    private final List<EvidenceKey> sealKeys;
    private final Optional<RecordedDecisionCheck> decisionCheck;
    private final Optional<ImageHashes> images;

    private final List<Finding> findings = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    /** Per hour, each item's id and digest (of its content as it stands now). */
    private final Map<String, Map<String, String>> digestsByPeriod = new HashMap<>();
    private final Map<String, List<Map<String, String>>> tableSeals = new TreeMap<>();
    private final Map<String, ArchivedSeal> archivedSeals = new TreeMap<>();
    private boolean archiveChecked;
    private int itemsChecked;
    private int signaturesValid;
    private int decisionsRederived;
    private int imagesChecked;
    private int imagesGone;
    /** Validly signed erasure records, by the attempt id each accounts for. */
    private final Map<String, Map<String, String>> erasures = new HashMap<>();
    /** Every attempt id some readable seal holds. */
    private final Set<String> sealedIds = new HashSet<>();
    private int erased;

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
        this.itemKeys = List.copyOf(itemKeys);
        this.sealKeys = List.copyOf(sealKeys);
        this.decisionCheck = decisionCheck;
        this.images = images;
    }

    public void checkItem(StoredItem item) {
        record(checkSignature(item));
    }

    /**
     * The costly half of checking an item (an ECDSA verification, about a millisecond): it touches no
     * state, so callers may run it on many threads and pass the results to {@link #record} in any order.
     */
    public SignatureChecked checkSignature(StoredItem item) {
        var attributes = item.attributes();
        return new SignatureChecked(item, signatureProblem(itemKeys, attributes, attributes.getOrDefault(ATTEMPT_ID, "")));
    }

    public void record(SignatureChecked checked) {
        itemsChecked++;
        var attributes = checked.item().attributes();
        String id = attributes.getOrDefault(ATTEMPT_ID, "");
        if (!checked.item().nonStringAttributes().isEmpty()) {
            findings.add(new Finding(Problem.NOT_STRING_TYPED, id,
                    "attributes stored as another type than String: " + checked.item().nonStringAttributes()));
        }
        checked.problem().ifPresent(findings::add);
        if (checked.problem().isEmpty()) {
            signaturesValid++;
            if (ErasureRecord.isErasure(attributes)) {
                erasureRecord(attributes, id);
            }
        }
        if (checked.problem().isEmpty() && !ErasureRecord.isErasure(attributes)) {
            decisionCheck.ifPresent(check -> checkDecision(check, attributes, id));
            images.ifPresent(hashes -> checkImage(hashes, attributes, id));
        }
        String period = attributes.getOrDefault(SEAL_PERIOD, "");
        checkTiming(attributes, id, period);
        digestsByPeriod.computeIfAbsent(period, p -> new HashMap<>()).put(id, CanonicalForm.digest(attributes));
    }

    /** A seal part as the seal table holds it. */
    public void checkSeal(StoredItem seal) {
        var attributes = seal.attributes();
        String subject = "seal " + attributes.getOrDefault(SealRecord.SEAL_ID, "");
        if (!seal.nonStringAttributes().isEmpty()) {
            findings.add(new Finding(Problem.SEAL_INVALID, subject,
                    "attributes stored as another type than String: " + seal.nonStringAttributes()));
            return;
        }
        tableSeals.computeIfAbsent(attributes.getOrDefault(SealRecord.PERIOD, ""), p -> new ArrayList<>()).add(attributes);
    }

    /** An hour as the write-once archive holds it; once any is given, the archive is authoritative. */
    public void checkArchivedSeal(ArchivedSeal archived) {
        archiveChecked = true;
        archivedSeals.put(archived.period(), archived);
        if (archived.versions() > 1) {
            findings.add(new Finding(Problem.ARCHIVE_OVERWRITTEN, archived.key(), archived.versions()
                    + " versions: a seal was written again over the locked one (the first version is the one checked)"));
        }
        if (archived.deleteMarkers() > 0) {
            findings.add(new Finding(Problem.ARCHIVE_HIDDEN, archived.key(), "a delete marker hides the archived seal "
                    + "(its locked version is still there and is the one checked)"));
        }
        archived.unreadable().ifPresent(why -> findings.add(new Finding(Problem.SEAL_INVALID, archived.key(), why)));
    }

    /** Call when an archive was read and held nothing: every table seal is then unarchived. */
    public void archiveWasEmpty() {
        archiveChecked = true;
    }

    /** Call when the archive's store keeps no versions (a local stack on disk; never an Object Lock bucket). */
    public void archiveKeepsNoVersions() {
        warnings.add("the seal archive keeps no versions, so a seal written over another cannot be seen: "
                + "a deployed archive has Object Lock, which requires versioning");
    }

    public EvidenceReport finish(Instant now) {
        var authoritative = authoritativeSeals();
        var heads = new TreeMap<String, SealRecord>();
        var headAttributes = new TreeMap<String, Map<String, String>>();
        int legacyHours = 0;
        for (var entry : authoritative.entrySet()) {
            var head = sealHolds(entry.getKey(), entry.getValue(), now);
            if (head.isPresent()) {
                heads.put(entry.getKey(), head.get());
                headAttributes.put(entry.getKey(), entry.getValue().stream()
                        .filter(part -> "0".equals(part.get(SealRecord.PART))).findFirst().orElseThrow());
                if (!head.get().commitsToContent()) {
                    legacyHours++;
                }
            }
        }
        var genesis = checkChain(heads, headAttributes);
        checkErasuresAccountForSealedItems();
        checkContinuity(new ArrayList<>(heads.keySet()));
        checkPeriodsAgainstChain(heads, genesis, now);

        int unsealed = 0;
        for (var entry : digestsByPeriod.entrySet()) {
            if (!heads.containsKey(entry.getKey())) {
                unsealed += entry.getValue().size();
            }
        }
        Optional<String> newest = heads.isEmpty() ? Optional.empty() : Optional.of(heads.lastKey());
        if (newest.isPresent() && SealPeriod.end(newest.get()).isBefore(now.minus(Duration.ofHours(2)))) {
            warnings.add("the newest seal is for " + newest.get() + " UTC: decisions after it are not yet protected "
                    + "against deletion (is the seal function running?)");
        }
        if (newest.isEmpty() && itemsChecked > 0) {
            warnings.add("no seals: deletions cannot be detected until the seal function has run");
        }
        if (legacyHours > 0) {
            warnings.add(legacyHours + " hours are sealed by version-1 seals (attempt ids only): an item of those hours "
                    + "changed and re-signed by a holder of the signing key would not be named");
        }
        if (!archiveChecked && !heads.isEmpty()) {
            warnings.add("seals were checked against the seal table only: give --seal-archive to check them against "
                    + "their write-once copies, without which a seal rewritten by the seal role could go unnamed");
        }
        return new EvidenceReport(itemsChecked, signaturesValid, heads.size(),
                heads.isEmpty() ? Optional.empty() : Optional.of(heads.firstKey()), newest, unsealed,
                decisionCheck.map(check -> decisionsRederived), images.map(hashes -> imagesChecked), imagesGone, erased,
                List.copyOf(findings), List.copyOf(warnings));
    }

    /** The archive's copy of each hour where one was read, compared with the table's; else the table's. */
    private Map<String, List<Map<String, String>>> authoritativeSeals() {
        if (!archiveChecked) {
            return tableSeals;
        }
        Map<String, List<Map<String, String>>> seals = new TreeMap<>();
        for (var archived : archivedSeals.values()) {
            if (archived.unreadable().isPresent()) {
                continue;
            }
            seals.put(archived.period(), archived.parts());
            compareWithTable(archived);
        }
        tableSeals.keySet().stream().filter(period -> !archivedSeals.containsKey(period)).forEach(period ->
                findings.add(new Finding(Problem.NOT_ARCHIVED, "seal " + period, "in the seal table but not in the "
                        + "archive: every seal is archived before the table is written, so this one was not written by the sealer")));
        return seals;
    }

    private void compareWithTable(ArchivedSeal archived) {
        var table = tableSeals.getOrDefault(archived.period(), List.of());
        var byId = new HashMap<String, Map<String, String>>();
        table.forEach(part -> byId.put(part.getOrDefault(SealRecord.SEAL_ID, ""), part));
        for (var part : archived.parts()) {
            String id = part.getOrDefault(SealRecord.SEAL_ID, "");
            var stored = byId.remove(id);
            if (stored == null) {
                findings.add(new Finding(Problem.SEAL_MISSING_FROM_TABLE, "seal " + id,
                        "archived, but gone from the seal table (the sealer restores it on its next run)"));
            } else if (!stored.equals(part)) {
                findings.add(new Finding(Problem.SEAL_DIFFERS_FROM_ARCHIVE, "seal " + id,
                        "the seal table's copy differs from the archived one: rewritten after sealing"));
            }
        }
        byId.keySet().stream().sorted().forEach(id -> findings.add(new Finding(Problem.SEAL_DIFFERS_FROM_ARCHIVE,
                "seal " + id, "a part in the seal table that the archived seal does not have")));
    }

    /** Checks one hour's seal against the items; returns its head when the seal itself can be read. */
    private Optional<SealRecord> sealHolds(String period, List<Map<String, String>> parts, Instant now) {
        List<SealRecord> records = new ArrayList<>();
        for (var part : parts) {
            String subject = "seal " + part.getOrDefault(SealRecord.SEAL_ID, period);
            var problem = signatureProblem(sealKeys, part, subject);
            if (problem.isPresent()) {
                findings.add(problem.get());
                return Optional.empty();
            }
            try {
                records.add(SealRecord.from(part));
            } catch (IllegalArgumentException e) {
                findings.add(new Finding(Problem.SEAL_INVALID, subject, e.getMessage()));
                return Optional.empty();
            }
        }
        var head = records.stream().filter(SealRecord::isHead).findFirst();
        if (head.isEmpty()) {
            findings.add(new Finding(Problem.SEAL_INCOMPLETE, "seal " + period, "the seal's part 0 is missing"));
            return Optional.empty();
        }
        var partNumbers = records.stream().map(SealRecord::part).collect(Collectors.toSet());
        var leaves = new ArrayList<SealRecord.Leaf>();
        records.stream().sorted(java.util.Comparator.comparingInt(SealRecord::part)).forEach(r -> leaves.addAll(r.leaves()));
        if (partNumbers.size() != head.get().partCount() || leaves.size() != head.get().itemCount()) {
            findings.add(new Finding(Problem.SEAL_INCOMPLETE, "seal " + period, "seal has " + partNumbers.size()
                    + " of " + head.get().partCount() + " parts, " + leaves.size() + " of " + head.get().itemCount() + " leaves"));
        }
        if (head.get().commitsToContent()) {
            String root = HexFormat.of().formatHex(MerkleTree.root(leaves.stream().map(SealRecord.Leaf::bytes).toList()));
            if (!root.equals(head.get().merkleRoot())) {
                findings.add(new Finding(Problem.SEAL_INVALID, "seal " + period,
                        "its leaves do not hash to its Merkle root"));
            }
            if (head.get().sealedAt().isAfter(SealPeriod.end(period).plus(Sealer.LATE_BOUND))) {
                findings.add(new Finding(Problem.SEALED_LATE, "seal " + period, "sealed at " + head.get().sealedAt()
                        + ", more than " + Sealer.LATE_BOUND.toHours() + " h after its hour ended: a healthy sealer "
                        + "seals within its look-back, so this seal was written afterwards"));
            }
        }
        compareLeaves(period, leaves, head.get().commitsToContent());
        return head;
    }

    private void compareLeaves(String period, List<SealRecord.Leaf> leaves, boolean withContent) {
        var present = digestsByPeriod.getOrDefault(period, Map.of());
        Map<String, String> sealed = new LinkedHashMap<>();
        leaves.forEach(leaf -> sealed.put(leaf.attemptId(), leaf.digest()));
        sealedIds.addAll(sealed.keySet());
        sealed.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(leaf -> {
            String now = present.get(leaf.getKey());
            if (now == null) {
                accountForMissing(period, leaf.getKey(), withContent ? leaf.getValue() : null);
            } else if (withContent && !now.equals(leaf.getValue())) {
                findings.add(new Finding(Problem.CHANGED_AFTER_SEALING, leaf.getKey(), "sealed in hour " + period
                        + " UTC with digest " + leaf.getValue() + ", its content now hashes to " + now));
            }
        });
        present.keySet().stream().filter(id -> !sealed.containsKey(id)).sorted().forEach(id -> findings.add(new Finding(
                Problem.NOT_IN_SEAL, id, "dated hour " + period + " UTC, but not in that hour's seal: added after sealing")));
    }

    /**
     * A sealed item gone from the table is ERASED when a validly signed erasure record accounts for
     * it with the digest the seal holds; any other absence is a deletion.
     *
     * @param sealedDigest null for a seal that commits to ids only
     */
    private void accountForMissing(String period, String id, String sealedDigest) {
        var erasure = erasures.get(id);
        if (erasure == null) {
            findings.add(new Finding(Problem.DELETED_AFTER_SEALING, id, "sealed in hour " + period
                    + " UTC, missing from the table"));
        } else if (sealedDigest != null && !sealedDigest.equals(value(erasure, AuditAttribute.ERASED_DIGEST))) {
            findings.add(new Finding(Problem.ERASURE_MISMATCH, ErasureRecord.idFor(id), "names digest "
                    + value(erasure, AuditAttribute.ERASED_DIGEST) + " for " + id + ", sealed in hour " + period
                    + " UTC with " + sealedDigest + ": it does not account for the item that was sealed"));
        } else {
            erased++;
        }
    }

    /** A validly signed erasure record: its id must be {@code erasure-} and the attempt it names. */
    private void erasureRecord(Map<String, String> attributes, String id) {
        String erasedId = value(attributes, AuditAttribute.ERASED_ATTEMPT_ID);
        if (erasedId.isEmpty() || !id.equals(ErasureRecord.idFor(erasedId))) {
            findings.add(new Finding(Problem.ERASURE_INVALID, id, "an erasure record must be stored as "
                    + ErasureRecord.ID_PREFIX + "<the attempt id it names>, and names '" + erasedId + "'"));
            return;
        }
        erasures.put(erasedId, attributes);
    }

    /** An erasure record must name an item that was sealed, and that is gone. */
    private void checkErasuresAccountForSealedItems() {
        var present = new HashSet<String>();
        digestsByPeriod.values().forEach(items -> present.addAll(items.keySet()));
        new TreeMap<>(erasures).forEach((erasedId, erasure) -> {
            String subject = ErasureRecord.idFor(erasedId);
            if (present.contains(erasedId)) {
                findings.add(new Finding(Problem.ERASURE_INCOMPLETE, subject, "records the erasure of " + erasedId
                        + " under request " + value(erasure, AuditAttribute.ERASURE_REQUEST)
                        + ", but that item is still in the table: run erase again to finish"));
            } else if (!sealedIds.contains(erasedId)) {
                findings.add(new Finding(Problem.ERASURE_OF_UNSEALED, subject, "names " + erasedId
                        + ", which no seal holds: it accounts for nothing that was ever sealed"));
            }
        });
    }

    /**
     * Walks the version-2 heads from the genesis seal to the newest; returns the genesis hour.
     * Seals must name their predecessor's digest and count up from height 0.
     */
    private Optional<String> checkChain(TreeMap<String, SealRecord> heads, Map<String, Map<String, String>> attributes) {
        var chained = new TreeMap<String, SealRecord>();
        heads.forEach((period, head) -> {
            if (head.commitsToContent()) {
                chained.put(period, head);
            }
        });
        if (chained.isEmpty()) {
            return Optional.empty();
        }
        var first = chained.firstEntry();
        if (first.getValue().chainHeight() != 0 || first.getValue().previous().isPresent()) {
            findings.add(new Finding(Problem.CHAIN_TRUNCATED, "seal " + first.getKey(), "the oldest seal left has height "
                    + first.getValue().chainHeight() + ", not 0: the seals before it (and what they sealed) were removed"));
        }
        Map<String, String> claimedBy = new HashMap<>();
        String previousPeriod = null;
        for (var entry : chained.entrySet()) {
            var head = entry.getValue();
            head.previous().ifPresent(link -> {
                String other = claimedBy.putIfAbsent(link, entry.getKey());
                if (other != null) {
                    findings.add(new Finding(Problem.SEAL_FORK, "seal " + entry.getKey(),
                            "names the same predecessor as the seal of " + other + ": the chain forks"));
                }
            });
            if (previousPeriod != null) {
                var before = chained.get(previousPeriod);
                String link = CanonicalForm.linkDigest(attributes.get(previousPeriod));
                if (!head.previousSeal().equals(link) || head.chainHeight() != before.chainHeight() + 1) {
                    findings.add(new Finding(Problem.SEAL_CHAIN_BROKEN, "seal " + entry.getKey(), "does not follow the "
                            + "seal of " + previousPeriod + " (height " + before.chainHeight() + " -> " + head.chainHeight()
                            + "): a seal between them was removed or rewritten"));
                }
            }
            previousPeriod = entry.getKey();
        }
        return Optional.of(first.getKey());
    }

    /** One finding per run of hours without a seal between two sealed hours, however long the run. */
    private void checkContinuity(List<String> sealed) {
        for (int i = 1; i < sealed.size(); i++) {
            long missing = SealPeriod.hoursBetween(sealed.get(i - 1), sealed.get(i)) - 1;
            if (missing > 0) {
                String from = SealPeriod.next(sealed.get(i - 1));
                String to = SealPeriod.previous(sealed.get(i));
                findings.add(new Finding(Problem.SEAL_MISSING, missing == 1 ? from : from + " to " + to,
                        missing + " hour(s) without a seal between " + sealed.get(i - 1) + " and " + sealed.get(i)
                                + ": a seal was deleted"));
            }
        }
    }

    /** Items filed under hours no seal can cover: before the chain began, or in the future. */
    private void checkPeriodsAgainstChain(Map<String, SealRecord> heads, Optional<String> genesis, Instant now) {
        String current = SealPeriod.of(now);
        for (var entry : new TreeMap<>(digestsByPeriod).entrySet()) {
            String period = entry.getKey();
            if (heads.containsKey(period) || !isPeriod(period)) {
                continue;
            }
            String ids = entry.getValue().keySet().stream().sorted().collect(Collectors.joining(", "));
            if (period.compareTo(current) > 0) {
                entry.getValue().keySet().stream().sorted().forEach(id -> findings.add(new Finding(Problem.IN_FUTURE, id,
                        "dated hour " + period + " UTC, after " + current + ": no honest function decides in the future")));
            } else if (genesis.isPresent() && period.compareTo(genesis.get()) < 0) {
                entry.getValue().keySet().stream().sorted().forEach(id -> findings.add(new Finding(Problem.BEFORE_GENESIS, id,
                        "dated hour " + period + " UTC, before the first seal (" + genesis.get() + ") and in no seal: "
                                + "inserted under an hour nothing can seal any more")));
            } else if (genesis.isPresent() && heads.keySet().stream().anyMatch(sealed -> sealed.compareTo(period) > 0)) {
                findings.add(new Finding(Problem.SEAL_MISSING, period, "items " + ids + " are dated in an unsealed hour "
                        + "behind the newest seal"));
            }
        }
    }

    private void checkTiming(Map<String, String> attributes, String id, String period) {
        String datedAt = ErasureRecord.datedAt(attributes);
        try {
            String hour = SealPeriod.of(Instant.parse(datedAt));
            if (!hour.equals(period)) {
                findings.add(new Finding(Problem.ITEM_MISDATED, id, "dated " + datedAt + " but filed under hour '"
                        + period + "': an item's seal period is the hour of its decision (or erasure)"));
            }
        } catch (java.time.format.DateTimeParseException e) {
            findings.add(new Finding(Problem.ITEM_MISDATED, id, "dated '" + datedAt + "', which is not an instant"));
        }
    }

    private static boolean isPeriod(String period) {
        try {
            SealPeriod.validated(period);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The key an item names must be one of the trusted ones (a bare public key, whose id is unknown,
     * stands for any); the signature must verify under one of those.
     */
    private static Optional<Finding> signatureProblem(List<EvidenceKey> keys, Map<String, String> attributes,
                                                      String subject) {
        String signature = attributes.get(CanonicalForm.SIGNATURE);
        String keyId = attributes.get(EvidenceSigning.SIGNING_KEY_ID);
        if (signature == null || keyId == null) {
            return Optional.of(new Finding(Problem.UNSIGNED, subject, about(attributes) + "no signature"));
        }
        var candidates = keys.stream().filter(key -> key.keyId() == null || keyId.equals(key.keyId())).toList();
        if (candidates.isEmpty()) {
            return Optional.of(new Finding(Problem.UNTRUSTED_KEY, subject, about(attributes) + "signed by " + keyId
                    + ", not by a trusted key (" + keys.stream().map(EvidenceKey::describe)
                            .collect(Collectors.joining(", ")) + ")"));
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            signatureBytes = new byte[0];
        }
        byte[] message = CanonicalForm.of(attributes);
        final byte[] decoded = signatureBytes;
        if (candidates.stream().noneMatch(key -> key.verifies(message, decoded))) {
            return Optional.of(new Finding(Problem.SIGNATURE_INVALID, subject, about(attributes)
                    + "content does not match its signature: altered after signing, or forged"));
        }
        return Optional.empty();
    }

    /** The object key an item claims, to help a reader; it is only as trustworthy as the item. */
    private static String about(Map<String, String> attributes) {
        String key = attributes.get(AuditAttribute.OBJECT_KEY.stored());
        return key == null ? "" : key + ": ";
    }

    private void checkDecision(RecordedDecisionCheck check, Map<String, String> attributes, String id) {
        check.rederive(attributes).ifPresent(outcome -> {
            decisionsRederived++;
            if (!outcome.follows()) {
                findings.add(new Finding(Problem.DECISION_DOES_NOT_FOLLOW, id, outcome.why()));
            }
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
