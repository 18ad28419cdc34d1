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
 * @param leaves          this part's well-formed leaves in order; for version 1, the attempt ids with empty digests
 * @param malformedLeaves the leaves that are not {@code attemptId:digest} as {@link AttemptIds} allows, as
 *                        written: each is named on its own, so one bad leaf never hides the rest of its hour
 */
public record SealRecord(SealPeriod period, int part, int partCount, int itemCount, int version, List<Leaf> leaves,
                         List<String> malformedLeaves, String merkleRoot, String previousSeal, long chainHeight,
                         Instant sealedAt) {

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
    /** Bounds well above any real ledger (2,500 leaves a part), so a hostile count is refused rather than believed. */
    private static final long MAX_PARTS = 1_000_000;
    private static final long MAX_ITEMS = MAX_PARTS * Sealer.LEAVES_PER_PART;
    /** A million years of hourly seals. */
    private static final long MAX_HEIGHT = 10_000_000_000L;

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
            int part = (int) CanonicalNumber.parse(PART, attributes.get(PART), MAX_PARTS);
            int partCount = (int) CanonicalNumber.parse(PART_COUNT, attributes.get(PART_COUNT), MAX_PARTS);
            int itemCount = (int) CanonicalNumber.parse(ITEM_COUNT, attributes.get(ITEM_COUNT), MAX_ITEMS);
            int version = (int) CanonicalNumber.parse(SCHEMA_VERSION, attributes.getOrDefault(SCHEMA_VERSION, "1"), VERSION);
            if (version < 1) {
                throw new IllegalArgumentException("schemaVersion 0 was never written");
            }
            if (part >= partCount) {
                throw new IllegalArgumentException("part " + part + " of " + partCount);
            }
            if (!SealRecord.sealId(period.toString(), part).equals(attributes.get(SEAL_ID))) {
                throw new IllegalArgumentException("sealId " + attributes.get(SEAL_ID) + " does not name period "
                        + period + " part " + part);
            }
            var sealedAt = Instant.parse(required(attributes, SEALED_AT));
            List<Leaf> leaves = new ArrayList<>();
            List<String> malformed = new ArrayList<>();
            for (String leaf : split(attributes.get(version < 2 ? ATTEMPT_IDS : LEAVES))) {
                parseLeaf(leaf, version).ifPresentOrElse(leaves::add, () -> malformed.add(leaf));
            }
            if (version < 2) {
                return new SealRecord(period, part, partCount, itemCount, version, List.copyOf(leaves),
                        List.copyOf(malformed), "", "", -1, sealedAt);
            }
            boolean head = part == 0;
            return new SealRecord(period, part, partCount, itemCount, version, List.copyOf(leaves), List.copyOf(malformed),
                    head ? required(attributes, MERKLE_ROOT) : "", head ? required(attributes, PREVIOUS_SEAL) : "",
                    head ? CanonicalNumber.parse(CHAIN_HEIGHT, attributes.get(CHAIN_HEIGHT), MAX_HEIGHT) : -1, sealedAt);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("malformed seal: " + e.getMessage(), e);
        }
    }

    /** Version 1 held bare ids; version 2 holds {@code attemptId:digest}, split on the only colon a valid leaf has. */
    private static Optional<Leaf> parseLeaf(String leaf, int version) {
        if (version < 2) {
            return AttemptIds.isValid(leaf) ? Optional.of(new Leaf(leaf, "")) : Optional.empty();
        }
        int colon = leaf.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String id = leaf.substring(0, colon);
        String digest = leaf.substring(colon + 1);
        return AttemptIds.isValid(id) && AttemptIds.isDigest(digest) ? Optional.of(new Leaf(id, digest)) : Optional.empty();
    }

    /** The previous seal a head names; empty for the genesis seal (and for version 1). */
    public Optional<String> previous() {
        return previousSeal.isEmpty() ? Optional.empty() : Optional.of(previousSeal);
    }

    private static List<String> split(@Nullable String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static String required(Map<String, String> attributes, String name) {
        String value = attributes.get(name);
        if (value == null) {
            throw new IllegalArgumentException("seal without " + name);
        }
        return value;
    }
}
