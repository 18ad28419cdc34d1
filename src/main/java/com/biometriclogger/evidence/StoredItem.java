package com.biometriclogger.evidence;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An item (or seal part) as read from a table: its String attributes, and the names of any stored
 * as another type, which no honest writer produces.
 */
public record StoredItem(Map<String, String> attributes, List<String> nonStringAttributes) {

    /** The named String attribute; empty when the item does not carry it as a String. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(attributes.get(name));
    }
}
