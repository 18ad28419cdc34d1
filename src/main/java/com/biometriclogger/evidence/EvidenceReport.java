package com.biometriclogger.evidence;

import java.util.List;
import java.util.Optional;

/**
 * What a verification of the evidence found.
 *
 * @param decisionsRederived empty when that check was not asked for
 * @param imagesRehashed     empty when that check was not asked for
 * @param unsealedItems      items in hours with no seal yet (not protected against deletion yet)
 * @param erased             sealed items gone from the table and accounted for by a valid erasure record
 */
public record EvidenceReport(
        int itemsChecked,
        int signaturesValid,
        int periodsSealed,
        Optional<SealPeriod> firstSealedPeriod,
        Optional<SealPeriod> lastSealedPeriod,
        int unsealedItems,
        Optional<Integer> decisionsRederived,
        Optional<Integer> imagesRehashed,
        int imagesGone,
        int erased,
        List<Finding> findings,
        List<String> warnings) {

    public boolean clean() {
        return findings.isEmpty();
    }
}
