package com.biometriclogger.evidence;

import com.biometriclogger.evidence.Finding.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reads one hour's seal from its parts: each part signed by a trusted seal key and well formed, a
 * head (part 0), every part and leaf the head counts, the leaves hashing to the head's Merkle root,
 * and the head written within {@link Sealer#LATE_BOUND} of its hour's end.
 */
final class SealHeads {

    private final SignatureCheck sealSignatures;

    /** @param sealSignatures the seal keys: not the item keys, so the function's role cannot forge a seal */
    SealHeads(SignatureCheck sealSignatures) {
        this.sealSignatures = sealSignatures;
    }

    /**
     * @param period the hour the parts are filed under, as written there (an hour wherever a part parses)
     * @return the hour's seal when it can be read (even if incomplete, so its leaves are still compared)
     */
    Optional<SealedPeriod> read(String period, List<Map<String, String>> parts, Consumer<Finding> findings) {
        List<SealRecord> records = new ArrayList<>();
        for (var part : parts) {
            String about = "seal " + part.getOrDefault(SealRecord.SEAL_ID, period);
            var problem = sealSignatures.problem(part, about);
            if (problem.isPresent()) {
                findings.accept(problem.get());
                return Optional.empty();
            }
            try {
                var record = SealRecord.from(part);
                record.malformedLeaves().forEach(leaf -> findings.accept(new Finding(Problem.SEAL_INVALID, about,
                        "leaf '" + leaf + "' is not attemptId:digest (the rest of the hour is still checked)")));
                records.add(record);
            } catch (IllegalArgumentException e) {
                findings.accept(new Finding(Problem.SEAL_INVALID, about, String.valueOf(e.getMessage())));
                return Optional.empty();
            }
        }
        int headIndex = indexOfHead(records);
        if (headIndex < 0) {
            findings.accept(new Finding(Problem.SEAL_INCOMPLETE, "seal " + period, "the seal's part 0 is missing"));
            return Optional.empty();
        }
        var head = records.get(headIndex);
        if (!head.period().toString().equals(period)) {
            findings.accept(new Finding(Problem.SEAL_INVALID, "seal " + period, "filed under '" + period
                    + "' but seals " + head.period() + ": a seal counts only for the hour it is filed under"));
            return Optional.empty();
        }
        var seal = new SealedPeriod(head.period(), head, parts.get(headIndex), leavesInPartOrder(records));
        checkComplete(period, seal, records, findings);
        if (head.commitsToContent()) {
            checkRoot(period, seal, findings);
        }
        // Whatever its version: a version-1 seal written now for a past hour is as late as any other.
        checkOnTime(period, seal, findings);
        return Optional.of(seal);
    }

    private static int indexOfHead(List<SealRecord> records) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).isHead()) {
                return i;
            }
        }
        return -1;
    }

    private static List<SealRecord.Leaf> leavesInPartOrder(List<SealRecord> records) {
        var leaves = new ArrayList<SealRecord.Leaf>();
        records.stream().sorted(Comparator.comparingInt(SealRecord::part)).forEach(r -> leaves.addAll(r.leaves()));
        return leaves;
    }

    private static void checkComplete(String period, SealedPeriod seal, List<SealRecord> records, Consumer<Finding> findings) {
        var partNumbers = records.stream().map(SealRecord::part).collect(Collectors.toSet());
        // A malformed leaf was named already; counting it keeps it from also reading as a missing one.
        int leaves = seal.leaves().size() + records.stream().mapToInt(r -> r.malformedLeaves().size()).sum();
        if (partNumbers.size() != seal.head().partCount() || leaves != seal.head().itemCount()) {
            findings.accept(new Finding(Problem.SEAL_INCOMPLETE, "seal " + period, "seal has " + partNumbers.size()
                    + " of " + seal.head().partCount() + " parts, " + leaves + " of "
                    + seal.head().itemCount() + " leaves"));
        }
    }

    private static void checkRoot(String period, SealedPeriod seal, Consumer<Finding> findings) {
        String root = HexFormat.of().formatHex(MerkleTree.root(seal.leaves().stream().map(SealRecord.Leaf::bytes).toList()));
        if (!root.equals(seal.head().merkleRoot())) {
            findings.accept(new Finding(Problem.SEAL_INVALID, "seal " + period, "its leaves do not hash to its Merkle root"));
        }
    }

    /** A healthy sealer seals within its look-back, so a seal written later was written afterwards. */
    private static void checkOnTime(String period, SealedPeriod seal, Consumer<Finding> findings) {
        var sealedAt = seal.head().sealedAt();
        if (sealedAt.isAfter(seal.period().end().plus(Sealer.LATE_BOUND))) {
            findings.accept(new Finding(Problem.SEALED_LATE, "seal " + period, "sealed at " + sealedAt
                    + ", more than " + Sealer.LATE_BOUND.toHours() + " h after its hour ended: a healthy sealer "
                    + "seals within its look-back, so this seal was written afterwards"));
        }
    }
}
