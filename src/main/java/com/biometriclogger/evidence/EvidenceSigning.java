package com.biometriclogger.evidence;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Adds {@code signingKeyId} and a {@code signature} over the {@link CanonicalForm} to an item's attributes. */
public final class EvidenceSigning {

    public static final String SIGNING_KEY_ID = "signingKeyId";

    private final EvidenceSigner signer;

    public EvidenceSigning(EvidenceSigner signer) {
        this.signer = signer;
    }

    public Map<String, String> sign(Map<String, String> attributes) {
        var signed = new LinkedHashMap<>(attributes);
        signed.remove(CanonicalForm.SIGNATURE);
        signed.put(SIGNING_KEY_ID, signer.keyId());
        signed.put(CanonicalForm.SIGNATURE, Base64.getEncoder().encodeToString(signer.sign(CanonicalForm.of(signed))));
        return signed;
    }
}
