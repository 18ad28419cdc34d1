package com.biometriclogger.evidence;

import com.biometriclogger.decision.AuditItem;
import com.biometriclogger.evidence.Finding.Problem;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether an item may be erased. An erasure record makes {@code verify} count its item as lawfully
 * erased, so signing one for an item that does not verify would launder tampering: the edited item
 * gone, a valid record in its place, and the ledger INTACT. An item is erasable only when its
 * signature holds under a trusted item key and its hour's seal holds its id and (for seals that
 * commit to content) its digest.
 */
final class ErasableCheck {

    private final SignatureCheck signatures;

    ErasableCheck(SignatureCheck signatures) {
        this.signatures = signatures;
    }

    /**
     * @param seal the parts of the item's hour's seal, as stored, part 0 first; never empty
     * @return why the item must stay for an investigation; empty when it may be erased
     */
    Optional<Finding> problem(AuditItem item, List<Map<String, String>> seal) {
        String id = item.attemptId();
        var signature = signatures.problem(item.attributes(), id);
        if (signature.isPresent()) {
            return signature;
        }
        List<SealRecord> parts;
        try {
            parts = seal.stream().map(SealRecord::from).toList();
        } catch (IllegalArgumentException e) {
            return Optional.of(new Finding(Problem.SEAL_INVALID, id, "its hour's seal cannot be read: " + e.getMessage()));
        }
        var held = parts.stream().flatMap(part -> part.leaves().stream())
                .filter(leaf -> leaf.attemptId().equals(id)).findFirst();
        if (held.isEmpty()) {
            return Optional.of(new Finding(Problem.NOT_IN_SEAL, id, "its hour's seal does not hold it: added after sealing"));
        }
        boolean commits = parts.stream().allMatch(SealRecord::commitsToContent);
        if (commits && !held.get().digest().equals(CanonicalForm.digest(item.attributes()))) {
            return Optional.of(new Finding(Problem.CHANGED_AFTER_SEALING, id,
                    "its digest is not the one its hour's seal holds: changed after sealing"));
        }
        return Optional.empty();
    }
}
