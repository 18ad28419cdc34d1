package com.biometriclogger.evidence;

import java.util.List;

/**
 * What a verification of the evidence found.
 *
 * @param decisionsRederived -1 when that check was not asked for
 * @param imagesChecked      -1 when that check was not asked for
 * @param unsealedItems      items in hours with no seal yet (not protected against deletion yet)
 */
public record EvidenceReport(
        int itemsChecked,
        int signaturesValid,
        int hoursSealed,
        String firstSealedHour,
        String lastSealedHour,
        int unsealedItems,
        int decisionsRederived,
        int imagesChecked,
        int imagesGone,
        List<Finding> findings,
        List<String> warnings) {

    public boolean clean() {
        return findings.isEmpty();
    }
}
