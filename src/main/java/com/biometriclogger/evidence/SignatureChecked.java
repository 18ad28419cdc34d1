package com.biometriclogger.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An item's signature as {@link SignatureCheck} found it.
 *
 * @param notStringTyped   the attributes stored as another type than String, if any
 * @param signatureProblem why the signature does not hold, if it does not
 */
public record SignatureChecked(StoredItem item, Optional<Finding> notStringTyped, Optional<Finding> signatureProblem) {

    public boolean signatureHolds() {
        return signatureProblem.isEmpty();
    }

    /** Every problem found, in the order verify reports them; empty when the item is trusted evidence. */
    public List<Finding> problems() {
        List<Finding> problems = new ArrayList<>(2);
        notStringTyped.ifPresent(problems::add);
        signatureProblem.ifPresent(problems::add);
        return problems;
    }
}
