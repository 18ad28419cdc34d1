package com.biometriclogger.evidence;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.evidence.Finding.Problem;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether an item is evidence signed by one of the trusted keys, with every attribute a String. It
 * holds no state, so the ledger verifier runs it on many threads, and the function checks an
 * enrolment item with it without building a ledger verifier.
 */
public final class SignatureCheck {

    private final List<EvidenceKey> trusted;

    /** @param trusted one or more keys: a replaced key stays trusted for what it signed */
    public SignatureCheck(List<EvidenceKey> trusted) {
        if (trusted.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted key");
        }
        this.trusted = List.copyOf(trusted);
    }

    /** The costly half of checking an item: an ECDSA verification, about a millisecond. */
    public SignatureChecked item(StoredItem item) {
        String id = item.get(AuditAttribute.ATTEMPT_ID.stored()).orElse("");
        Optional<Finding> notStrings = item.nonStringAttributes().isEmpty() ? Optional.empty()
                : Optional.of(new Finding(Problem.NOT_STRING_TYPED, id,
                        "attributes stored as another type than String: " + item.nonStringAttributes()));
        return new SignatureChecked(item, notStrings, problem(item.attributes(), id));
    }

    /**
     * The key the attributes name must be one of the trusted ones (a key trusted for any id stands
     * for any); the signature must verify under one of those.
     *
     * @param about what a finding names: the attempt id, or the seal
     */
    Optional<Finding> problem(Map<String, String> attributes, String about) {
        String signature = attributes.get(CanonicalForm.SIGNATURE);
        String keyId = attributes.get(EvidenceSigning.SIGNING_KEY_ID);
        if (signature == null || keyId == null) {
            return Optional.of(new Finding(Problem.UNSIGNED, about, claimedObject(attributes) + "no signature"));
        }
        var candidates = trusted.stream().filter(key -> key.id().admits(keyId)).toList();
        if (candidates.isEmpty()) {
            return Optional.of(new Finding(Problem.UNTRUSTED_KEY, about, claimedObject(attributes) + "signed by " + keyId
                    + ", not by a trusted key (" + trusted.stream().map(EvidenceKey::describe)
                            .collect(Collectors.joining(", ")) + ")"));
        }
        byte[] message = CanonicalForm.of(attributes);
        byte[] decoded = decoded(signature);
        if (candidates.stream().noneMatch(key -> key.verifies(message, decoded))) {
            return Optional.of(new Finding(Problem.SIGNATURE_INVALID, about, claimedObject(attributes)
                    + "content does not match its signature: altered after signing, or forged"));
        }
        return Optional.empty();
    }

    /** Malformed Base64 verifies under no key, like any other wrong signature. */
    private static byte[] decoded(String signature) {
        try {
            return Base64.getDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    /** The object key an item claims, to help a reader; it is only as trustworthy as the item. */
    private static String claimedObject(Map<String, String> attributes) {
        String key = attributes.get(AuditAttribute.OBJECT_KEY.stored());
        return key == null ? "" : key + ": ";
    }
}
