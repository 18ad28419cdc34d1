package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {

    /** The leaves of the Certificate Transparency reference tests (RFC 6962 / 9162 implementations). */
    private static final List<byte[]> CT_LEAVES = List.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f").stream().map(HexFormat.of()::parseHex).toList();

    @Test
    void theRootsAreThoseOfTheCertificateTransparencyReferenceTree() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hex(MerkleTree.root(List.of())));
        assertEquals("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                hex(MerkleTree.root(CT_LEAVES.subList(0, 1))));
        assertEquals("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328", hex(MerkleTree.root(CT_LEAVES)));
    }

    @Test
    void everyLeafsProofLeadsToTheRootForEveryTreeSize() {
        List<byte[]> leaves = new ArrayList<>();
        for (int size = 1; size <= 33; size++) {
            leaves.add(("leaf " + size).getBytes(StandardCharsets.UTF_8));
            byte[] root = MerkleTree.root(leaves);
            for (int i = 0; i < size; i++) {
                var proof = MerkleTree.inclusionProof(leaves, i);
                assertArrayEquals(root, MerkleTree.rootFromProof(leaves.get(i), i, size, proof), size + "/" + i);
            }
        }
    }

    @Test
    void aChangedLeafLeadsElsewhere() {
        var proof = MerkleTree.inclusionProof(CT_LEAVES, 3);

        assertNotEquals(hex(MerkleTree.root(CT_LEAVES)), hex(MerkleTree.rootFromProof("changed".getBytes(StandardCharsets.UTF_8), 3, 8, proof)));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
