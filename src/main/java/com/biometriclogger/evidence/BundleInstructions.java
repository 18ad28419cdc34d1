package com.biometriclogger.evidence;

import java.io.IOException;
import java.util.List;

/** VERIFY.md: the bundle's instructions, filled in with what this export holds. */
final class BundleInstructions {

    private BundleInstructions() {
    }

    static String text(BundleManifest manifest, List<EvidenceKey> keys, List<EvidenceKey> sealKeys, String keyRows,
                       int items, int seals) throws IOException {
        return EvidenceBundle.resource("VERIFY.md")
                .replace("{{problems}}", manifest.verifyProblems() == 0 ? ""
                        : "\n**WARNING: `verify` found " + manifest.verifyProblems() + " problem(s) in the ledger when "
                                + "this bundle was made (see `verify-report.json`); the checker fails this bundle "
                                + "for that alone.**\n")
                .replace("{{sealSource}}", manifest.fromArchive()
                        ? "The seals are the first versions in the write-once seal archive, not the seal table's copies."
                        : "**No seal archive was given to this export: the seals are the seal table's copies, which "
                                + "whoever holds the seal role could have rewritten.**")
                .replace("{{keyFiles}}", keyRows)
                .replace("{{itemKeyId}}", keyIdOf(keys))
                .replace("{{sealKeyId}}", keyIdOf(sealKeys))
                .replace("{{firstHour}}", manifest.firstHour())
                .replace("{{lastHour}}", manifest.lastHour())
                .replace("{{items}}", Integer.toString(items))
                .replace("{{seals}}", Integer.toString(seals))
                .replace("{{exportedAt}}", manifest.exportedAt().toString());
    }

    /** The first key's id, for the KMS command; a bare PEM key has none to look up. */
    private static String keyIdOf(List<EvidenceKey> keys) {
        return keys.get(0).keyId().orElse("KEY_ID");
    }
}
