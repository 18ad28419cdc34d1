package com.biometriclogger.evidence;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.ObjectVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Checks an audit table's evidence: each item's signature under the trusted key, each hour's seal
 * against the items of that hour, the seals' continuity, and optionally whether each decision
 * follows from its recorded figures and whether the image version still hashes to the recorded
 * SHA-256. Items are fed one at a time, so a table of any size is checked in one pass.
 */
public final class EvidenceVerifier {

    /** An item as read from the table: its String attributes, and the names of any that are not Strings. */
    public record StoredItem(Map<String, String> attributes, List<String> nonStringAttributes) {
    }

    /** Whether an image version still hashes to what was recorded; empty when it is no longer stored. */
    public interface ImageHashes {
        Optional<String> sha256(ObjectVersion image);
    }

    private static final String ATTEMPT_ID = AuditAttribute.ATTEMPT_ID.stored();
    private static final String SEAL_PERIOD = AuditAttribute.SEAL_PERIOD.stored();

    private final EvidenceKey trustedKey;
    private final Optional<RecordedDecisionCheck> decisionCheck;
    private final Optional<ImageHashes> images;

    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Set<String>> idsByPeriod = new HashMap<>();
    private final Map<String, List<Map<String, String>>> sealParts = new TreeMap<>();
    private int itemsChecked;
    private int signaturesValid;
    private int decisionsRederived;
    private int imagesChecked;
    private int imagesGone;

    /**
     * @param decisionCheck empty skips re-deriving decisions from their figures
     * @param images        empty skips the image check
     */
    public EvidenceVerifier(EvidenceKey trustedKey, Optional<RecordedDecisionCheck> decisionCheck,
                            Optional<ImageHashes> images) {
        this.trustedKey = trustedKey;
        this.decisionCheck = decisionCheck;
        this.images = images;
    }

    /** An item whose signature has been checked, by {@link #checkSignature}. */
    public record SignatureChecked(StoredItem item, Optional<Finding> problem) {
    }

    public void checkItem(StoredItem item) {
        record(checkSignature(item));
    }

    /**
     * The costly half of checking an item (an ECDSA verification, about a millisecond): it touches no
     * state, so callers may run it on many threads and pass the results to {@link #record} in any order.
     */
    public SignatureChecked checkSignature(StoredItem item) {
        return new SignatureChecked(item, signatureProblem(item.attributes(), item.attributes().getOrDefault(ATTEMPT_ID, "")));
    }

    public void record(SignatureChecked checked) {
        itemsChecked++;
        var item = checked.item();
        var attributes = item.attributes();
        String id = attributes.getOrDefault(ATTEMPT_ID, "");
        if (!item.nonStringAttributes().isEmpty()) {
            findings.add(new Finding(Finding.Problem.NOT_STRING_TYPED, id,
                    "attributes stored as another type than String: " + item.nonStringAttributes()));
        }
        checked.problem().ifPresent(findings::add);
        if (checked.problem().isEmpty()) {
            signaturesValid++;
            decisionCheck.ifPresent(check -> checkDecision(check, attributes, id));
            images.ifPresent(hashes -> checkImage(hashes, attributes, id));
        }
        idsByPeriod.computeIfAbsent(attributes.getOrDefault(SEAL_PERIOD, ""), p -> new HashSet<>()).add(id);
    }

    public void checkSeal(StoredItem seal) {
        var attributes = seal.attributes();
        String subject = "seal " + attributes.getOrDefault(SealRecord.SEAL_ID, "");
        if (!seal.nonStringAttributes().isEmpty()) {
            findings.add(new Finding(Finding.Problem.SEAL_INVALID, subject,
                    "attributes stored as another type than String: " + seal.nonStringAttributes()));
            return;
        }
        var problem = signatureProblem(attributes, subject);
        if (problem.isPresent()) {
            findings.add(problem.get());
            return;
        }
        sealParts.computeIfAbsent(attributes.getOrDefault(SealRecord.PERIOD, ""), p -> new ArrayList<>()).add(attributes);
    }

    public EvidenceReport finish(Instant now) {
        var sealed = new ArrayList<String>();
        for (var entry : sealParts.entrySet()) {
            if (sealHolds(entry.getKey(), entry.getValue())) {
                sealed.add(entry.getKey());
            }
        }
        checkContinuity(sealed);
        int unsealed = 0;
        String newest = sealed.isEmpty() ? null : sealed.get(sealed.size() - 1);
        for (var entry : idsByPeriod.entrySet()) {
            if (!sealParts.containsKey(entry.getKey())) {
                unsealed += entry.getValue().size();
            }
        }
        List<String> warnings = new ArrayList<>();
        if (newest != null && SealPeriod.end(newest).isBefore(now.minus(Duration.ofHours(2)))) {
            warnings.add("the newest seal is for " + newest + " UTC: decisions after it are not yet protected "
                    + "against deletion (is the seal function running?)");
        }
        if (newest == null && itemsChecked > 0) {
            warnings.add("no seals: deletions cannot be detected until the seal function has run");
        }
        return new EvidenceReport(itemsChecked, signaturesValid, sealed.size(),
                sealed.stream().findFirst(), Optional.ofNullable(newest), unsealed,
                decisionCheck.map(check -> decisionsRederived), images.map(hashes -> imagesChecked), imagesGone,
                List.copyOf(findings), List.copyOf(warnings));
    }

    private Optional<Finding> signatureProblem(Map<String, String> attributes, String subject) {
        String signature = attributes.get(CanonicalForm.SIGNATURE);
        String keyId = attributes.get(EvidenceSigning.SIGNING_KEY_ID);
        if (signature == null || keyId == null) {
            return Optional.of(new Finding(Finding.Problem.UNSIGNED, subject, about(attributes) + "no signature"));
        }
        if (trustedKey.keyId() != null && !keyId.equals(trustedKey.keyId())) {
            return Optional.of(new Finding(Finding.Problem.UNTRUSTED_KEY, subject, about(attributes) + "signed by " + keyId
                    + ", not by the trusted key " + trustedKey.keyId()));
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            signatureBytes = new byte[0];
        }
        if (!trustedKey.verifies(CanonicalForm.of(attributes), signatureBytes)) {
            return Optional.of(new Finding(Finding.Problem.SIGNATURE_INVALID, subject, about(attributes)
                    + "content does not match its signature: altered after signing, or forged"));
        }
        return Optional.empty();
    }

    /** The object key an item claims, to help a reader; it is only as trustworthy as the item. */
    private static String about(Map<String, String> attributes) {
        String key = attributes.get(AuditAttribute.OBJECT_KEY.stored());
        return key == null ? "" : key + ": ";
    }

    private boolean sealHolds(String period, List<Map<String, String>> parts) {
        List<SealRecord> records = new ArrayList<>();
        for (var part : parts) {
            try {
                records.add(SealRecord.from(part));
            } catch (IllegalArgumentException e) {
                findings.add(new Finding(Finding.Problem.SEAL_INVALID, period, e.getMessage()));
                return false;
            }
        }
        int expectedParts = records.get(0).partCount();
        var partNumbers = records.stream().map(SealRecord::part).collect(Collectors.toSet());
        Set<String> sealedIds = new HashSet<>();
        records.forEach(r -> sealedIds.addAll(r.attemptIds()));
        if (partNumbers.size() != expectedParts || sealedIds.size() != records.get(0).itemCount()) {
            findings.add(new Finding(Finding.Problem.SEAL_INCOMPLETE, period, "seal has " + partNumbers.size()
                    + " of " + expectedParts + " parts, " + sealedIds.size() + " of " + records.get(0).itemCount() + " ids"));
        }
        Set<String> present = idsByPeriod.getOrDefault(period, Set.of());
        sealedIds.stream().filter(id -> !present.contains(id)).sorted().forEach(id -> findings.add(new Finding(
                Finding.Problem.DELETED_AFTER_SEALING, id, "sealed in hour " + period + " UTC, missing from the table")));
        present.stream().filter(id -> !sealedIds.contains(id)).sorted().forEach(id -> findings.add(new Finding(
                Finding.Problem.NOT_IN_SEAL, id, "dated hour " + period + " UTC, but not in that hour's seal: added after sealing")));
        return true;
    }

    private void checkContinuity(List<String> sealed) {
        for (int i = 1; i < sealed.size(); i++) {
            for (String p = SealPeriod.next(sealed.get(i - 1)); p.compareTo(sealed.get(i)) < 0; p = SealPeriod.next(p)) {
                findings.add(new Finding(Finding.Problem.SEAL_MISSING, p,
                        "no seal between " + sealed.get(i - 1) + " and " + sealed.get(i) + ": a seal was deleted"));
            }
        }
    }

    private void checkDecision(RecordedDecisionCheck check, Map<String, String> attributes, String id) {
        check.rederive(attributes).ifPresent(outcome -> {
            decisionsRederived++;
            if (!outcome.follows()) {
                findings.add(new Finding(Finding.Problem.DECISION_DOES_NOT_FOLLOW, id, outcome.why()));
            }
        });
    }

    private void checkImage(ImageHashes hashes, Map<String, String> attributes, String id) {
        String recorded = attributes.getOrDefault(AuditAttribute.SHA256.stored(), "");
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
            findings.add(new Finding(Finding.Problem.IMAGE_CHANGED, id, "the stored image version hashes to "
                    + actual.get() + ", the decision recorded " + recorded));
        }
    }

    private static String value(Map<String, String> attributes, AuditAttribute attribute) {
        return attributes.getOrDefault(attribute.stored(), "");
    }
}
