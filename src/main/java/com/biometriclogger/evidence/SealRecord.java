package com.biometriclogger.evidence;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One seal part as read back, all Strings, signed like an audit item.
 *
 * <p>Version 2 (content-committing, chained): every part lists its leaves, {@code attemptId:digest}
 * where the digest is the SHA-256 of the item's canonical form; part 0, the hour's head, also holds
 * the Merkle root over all the hour's leaves (RFC 9162), the digest of the previous hour's head and
 * its height in the chain (0 for the genesis seal). Version 1 listed attempt ids only: such seals
 * still verify, but commit to no content.
 *
 * @param leaves this part's leaves in order; for version 1, the attempt ids with empty digests
 */
public record SealRecord(SealPeriod period, int part, int partCount, int itemCount, int version, List<Leaf> leaves,
                         String merkleRoot, String previousSeal, long chainHeight, Instant sealedAt) {

    /** One sealed decision: its attempt id and the digest of its canonical form. */
    public record Leaf(String attemptId, String digest) {

        public byte[] bytes() {
            return (attemptId + ":" + digest).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return attemptId + ":" + digest;
        }
    }

    public static final String SEAL_ID = "sealId";
    public static final String PERIOD = "period";
    public static final String PART = "part";
    public static final String PART_COUNT = "partCount";
    public static final String ITEM_COUNT = "itemCount";
    public static final String ATTEMPT_IDS = "attemptIds";
    public static final String LEAVES = "leaves";
    public static final String MERKLE_ROOT = "merkleRoot";
    public static final String PREVIOUS_SEAL = "previousSeal";
    public static final String CHAIN_HEIGHT = "chainHeight";
    public static final String SEALED_AT = "sealedAt";
    public static final String SCHEMA_VERSION = "schemaVersion";
    /** Where the deployment archives its seals, {@code s3://bucket/prefix}: verify must have checked there. */
    public static final String ARCHIVE = "archive";

    /** The format the sealer writes. */
    public static final int VERSION = 2;

    public static String sealId(String period, int part) {
        return period + "#" + part;
    }

    public boolean isHead() {
        return part == 0;
    }

    public boolean commitsToContent() {
        return version >= 2;
    }

    /** @throws IllegalArgumentException when an attribute is missing or malformed */
    public static SealRecord from(Map<String, String> attributes) {
        try {
            var period = SealPeriod.parse(required(attributes, PERIOD));
            int part = nonNegative(attributes, PART);
            int partCount = nonNegative(attributes, PART_COUNT);
            int itemCount = nonNegative(attributes, ITEM_COUNT);
            int version = Integer.parseInt(attributes.getOrDefault(SCHEMA_VERSION, "1"));
            if (part >= partCount) {
                throw new IllegalArgumentException("part " + part + " of " + partCount);
            }
            if (!SealRecord.sealId(period.toString(), part).equals(attributes.get(SEAL_ID))) {
                throw new IllegalArgumentException("sealId " + attributes.get(SEAL_ID) + " does not name period "
                        + period + " part " + part);
            }
            var sealedAt = Instant.parse(required(attributes, SEALED_AT));
            if (version < 2) {
                return new SealRecord(period, part, partCount, itemCount, version,
                        split(attributes.get(ATTEMPT_IDS)).stream().map(id -> new Leaf(id, "")).toList(),
                        "", "", -1, sealedAt);
            }
            List<Leaf> leaves = new ArrayList<>();
            for (String leaf : split(attributes.get(LEAVES))) {
                int colon = leaf.indexOf(':');
                if (colon <= 0 || colon == leaf.length() - 1) {
                    throw new IllegalArgumentException("leaf '" + leaf + "' is not attemptId:digest");
                }
                leaves.add(new Leaf(leaf.substring(0, colon), leaf.substring(colon + 1)));
            }
            boolean head = part == 0;
            return new SealRecord(period, part, partCount, itemCount, version, List.copyOf(leaves),
                    head ? required(attributes, MERKLE_ROOT) : "", head ? required(attributes, PREVIOUS_SEAL) : "",
                    head ? Long.parseLong(required(attributes, CHAIN_HEIGHT)) : -1, sealedAt);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("malformed seal: " + e.getMessage(), e);
        }
    }

    /** The previous seal a head names; empty for the genesis seal (and for version 1). */
    public Optional<String> previous() {
        return previousSeal.isEmpty() ? Optional.empty() : Optional.of(previousSeal);
    }

    private static List<String> split(@Nullable String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static int nonNegative(Map<String, String> attributes, String name) {
        int value = Integer.parseInt(required(attributes, name));
        if (value < 0) {
            throw new IllegalArgumentException(name + " " + value + " is negative");
        }
        return value;
    }

    private static String required(Map<String, String> attributes, String name) {
        String value = attributes.get(name);
        if (value == null) {
            throw new IllegalArgumentException("seal without " + name);
        }
        return value;
    }
}
