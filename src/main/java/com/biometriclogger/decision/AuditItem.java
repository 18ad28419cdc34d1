package com.biometriclogger.decision;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The evidence of one verification attempt, as stored: attribute name to String value. Immutable.
 * Built once per attempt by {@link AuditItems}; signed, stored, read back and verified as this map,
 * so no reader re-spells an attribute.
 */
public final class AuditItem {

    /** Bumped when attributes are added or change meaning (2: signature, signingKeyId, sealPeriod). */
    public static final String SCHEMA_VERSION = "2";

    private final Map<String, String> attributes;

    private AuditItem(Map<String, String> attributes) {
        this.attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    public static AuditItem of(Map<String, String> attributes) {
        return new AuditItem(attributes);
    }

    /** The attribute's value; empty when the item does not carry it (an empty String is a value). */
    public Optional<String> get(AuditAttribute attribute) {
        return Optional.ofNullable(attributes.get(attribute.stored()));
    }

    /** The table's key, which every stored item carries. */
    public String attemptId() {
        return get(AuditAttribute.ATTEMPT_ID).orElseThrow(() -> new IllegalStateException("an item without an attempt id"));
    }

    /** Every attribute as stored, by stored name, in canonical (sorted) order. */
    public Map<String, String> attributes() {
        return attributes;
    }

    public AuditItem with(AuditAttribute attribute, String value) {
        var changed = new TreeMap<>(attributes);
        changed.put(attribute.stored(), value);
        return new AuditItem(changed);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AuditItem item && item.attributes.equals(attributes);
    }

    @Override
    public int hashCode() {
        return attributes.hashCode();
    }

    @Override
    public String toString() {
        return "AuditItem" + attributes;
    }
}
