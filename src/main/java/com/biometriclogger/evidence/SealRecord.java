package com.biometriclogger.evidence;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The attributes of one seal part, all Strings, signed like an audit item. */
public record SealRecord(String period, int part, int partCount, int itemCount, List<String> attemptIds) {

    public static final String SEAL_ID = "sealId";
    public static final String PERIOD = "period";
    public static final String PART = "part";
    public static final String PART_COUNT = "partCount";
    public static final String ITEM_COUNT = "itemCount";
    public static final String ATTEMPT_IDS = "attemptIds";
    public static final String SEALED_AT = "sealedAt";
    public static final String SCHEMA_VERSION = "schemaVersion";

    public static String sealId(String period, int part) {
        return period + "#" + part;
    }

    /** @throws IllegalArgumentException when an attribute is missing or malformed */
    public static SealRecord from(Map<String, String> attributes) {
        try {
            String ids = attributes.get(ATTEMPT_IDS);
            return new SealRecord(required(attributes, PERIOD),
                    Integer.parseInt(required(attributes, PART)),
                    Integer.parseInt(required(attributes, PART_COUNT)),
                    Integer.parseInt(required(attributes, ITEM_COUNT)),
                    ids == null || ids.isEmpty() ? List.of() : Arrays.asList(ids.split(",")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed seal: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> attributes, String name) {
        String value = attributes.get(name);
        if (value == null) {
            throw new IllegalArgumentException("seal without " + name);
        }
        return value;
    }
}
