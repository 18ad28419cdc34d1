package com.biometriclogger.evidence;

import com.biometriclogger.util.Sha256;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree hash of RFC 9162 (Certificate Transparency 2.0), section 2.1: leaves hashed as
 * {@code SHA-256(0x00 || leaf)}, nodes as {@code SHA-256(0x01 || left || right)}, an n-leaf tree
 * split at the largest power of two below n. Chosen over a hash of the sorted list so that one
 * decision can be proven part of its hour's seal with about log2(n) hashes, checkable by anyone
 * with a SHA-256 (the bundle's checker does it with Python's standard library).
 */
public final class MerkleTree {

    private static final int HASH_SIZE = 32;

    private MerkleTree() {
    }

    /** MTH(D[n]); the hash of the empty string for no leaves, as RFC 9162 defines it. */
    public static byte[] root(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return Sha256.newDigest().digest();
        }
        List<byte[]> level = new ArrayList<>(leaves.size());
        leaves.forEach(leaf -> level.add(leafHash(leaf)));
        return subtreeRoot(level, 0, level.size());
    }

    /** PATH(m, D[n]): the sibling hashes from leaf {@code index} up to the root, bottom first. */
    public static List<byte[]> inclusionProof(List<byte[]> leaves, int index) {
        List<byte[]> hashes = new ArrayList<>(leaves.size());
        leaves.forEach(leaf -> hashes.add(leafHash(leaf)));
        List<byte[]> path = new ArrayList<>();
        proof(hashes, index, 0, hashes.size(), path);
        return path;
    }

    /** The root a leaf and its proof lead to (RFC 9162, 2.1.3.2); compare it with the sealed root. */
    public static byte[] rootFromProof(byte[] leaf, long index, long size, List<byte[]> path) {
        return rootFromLeafHash(leafHash(leaf), index, size, path);
    }

    /**
     * As {@link #rootFromProof} from the leaf's hash, as RFC 9162's test vectors give it.
     *
     * @throws IllegalArgumentException when the proof cannot be one: an index outside the tree (a
     *         negative one included), a leaf hash or sibling that is not a SHA-256, a path longer or shorter than
     *         the tree is deep
     */
    public static byte[] rootFromLeafHash(byte[] leafHash, long index, long size, List<byte[]> path) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " outside a tree of " + size);
        }
        if (leafHash.length != HASH_SIZE || path.stream().anyMatch(p -> p.length != HASH_SIZE)) {
            throw new IllegalArgumentException("the leaf hash or a sibling in the proof is not a SHA-256");
        }
        long fn = index;
        long sn = size - 1L;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                throw new IllegalArgumentException("proof longer than the tree is deep");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new IllegalArgumentException("proof shorter than the tree is deep");
        }
        return r;
    }

    private static byte[] subtreeRoot(List<byte[]> leafHashes, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leafHashes.get(from);
        }
        int k = largestPowerOfTwoBelow(n);
        return nodeHash(subtreeRoot(leafHashes, from, from + k), subtreeRoot(leafHashes, from + k, to));
    }

    private static void proof(List<byte[]> leafHashes, int index, int from, int to, List<byte[]> path) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (index - from < k) {
            proof(leafHashes, index, from, from + k, path);
            path.add(subtreeRoot(leafHashes, from + k, to));
        } else {
            proof(leafHashes, index, from + k, to, path);
            path.add(subtreeRoot(leafHashes, from, from + k));
        }
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] leafHash(byte[] leaf) {
        MessageDigest digest = Sha256.newDigest();
        digest.update((byte) 0x00);
        return digest.digest(leaf);
    }

    private static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = Sha256.newDigest();
        digest.update((byte) 0x01);
        digest.update(left);
        return digest.digest(right);
    }
}
