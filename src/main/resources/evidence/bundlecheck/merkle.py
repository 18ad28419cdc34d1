"""The Merkle tree hash and inclusion proofs of RFC 9162 (Certificate Transparency 2.0), section 2.1,
as the Java side's MerkleTree computes them; checked against transparency-dev/merkle's test vectors."""
import hashlib

HASH_SIZE = 32


def leaf_hash(leaf):
    return hashlib.sha256(b"\x00" + leaf).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def root(leaves):
    """MTH(D[n]); the hash of the empty string for no leaves."""
    level = [leaf_hash(leaf) for leaf in leaves]
    if not level:
        return hashlib.sha256(b"").digest()
    return _subtree(level)


def _subtree(hashes):
    if len(hashes) == 1:
        return hashes[0]
    k = 1
    while k * 2 < len(hashes):
        k *= 2
    return node_hash(_subtree(hashes[:k]), _subtree(hashes[k:]))


def root_from_leaf_hash(hashed_leaf, index, size, path):
    """RFC 9162, 2.1.3.2: the root an inclusion proof leads to, or None when the proof cannot be one
    (an index outside the tree, a leaf hash or sibling that is not a SHA-256, a path longer or
    shorter than the tree is deep)."""
    if not 0 <= index < size or len(hashed_leaf) != HASH_SIZE or any(len(p) != HASH_SIZE for p in path):
        return None
    fn, sn, r = index, size - 1, hashed_leaf
    for p in path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return r if sn == 0 else None
