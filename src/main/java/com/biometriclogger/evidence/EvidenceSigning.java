package com.biometriclogger.evidence;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.AuditItem;
import com.biometriclogger.decision.ErasureRecord;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Adds {@code signingKeyId} and a {@code signature} over the {@link CanonicalForm} to an item's attributes. */
public final class EvidenceSigning {

    public static final String SIGNING_KEY_ID = AuditAttribute.SIGNING_KEY_ID.stored();

    private final EvidenceSigner signer;

    public EvidenceSigning(EvidenceSigner signer) {
        this.signer = signer;
    }

    /**
     * Signs an audit item, stamping first the hour it is sealed in: the hour of its decision (of its
     * erasure, for an erasure record), so an item cannot be filed under another hour without
     * breaking its signature.
     */
    public AuditItem signItem(AuditItem item) {
        var datedAt = Instant.parse(ErasureRecord.datedAt(item.attributes()));
        return signItem(item, SealPeriod.containing(datedAt));
    }

    /** Signs an item filed under {@code period}, which only an erasure record may choose (see {@link Erasure}). */
    AuditItem signItem(AuditItem item, SealPeriod period) {
        return AuditItem.of(sign(item.with(AuditAttribute.SEAL_PERIOD, period.toString()).attributes()));
    }

    public Map<String, String> sign(Map<String, String> attributes) {
        var signed = new LinkedHashMap<>(attributes);
        signed.remove(CanonicalForm.SIGNATURE);
        signed.put(SIGNING_KEY_ID, signer.keyId());
        signed.put(CanonicalForm.SIGNATURE, Base64.getEncoder().encodeToString(signer.sign(CanonicalForm.of(signed))));
        return signed;
    }
}
