package com.biometriclogger.evidence;

import java.util.List;
import java.util.Optional;

/**
 * What a verification of the evidence found.
 *
 * @param decisionsRederived empty when that check was not asked for
 * @param imagesRehashed     empty when that check was not asked for
 * @param unsealedItems      items in hours with no seal yet (protected by their commitments alone)
 * @param erased             sealed items gone from the table and accounted for by a valid erasure record
 * @param archivesNamed      the seal archives the seals say they were written to ({@code s3://bucket/prefix})
 * @param reviewed           decisions a valid review record reviews (APPROVED or DENIED by a person)
 * @param awaitingReview     REVIEW_REQUIRED decisions no review record reviews yet
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
        List<String> warnings,
        List<String> archivesNamed,
        int reviewed,
        int awaitingReview) {

    public boolean clean() {
        return findings.isEmpty();
    }

    /**
     * An archive a seal names that this run did not read: INTACT would then claim what was not
     * checked, as a seal rewritten by the seal role is named only against its archived copy.
     *
     * @param checked the archive read, as {@code s3://bucket/prefix}
     */
    public Optional<String> uncheckedArchive(Optional<String> checked) {
        return archivesNamed.stream().filter(named -> !checked.equals(Optional.of(named))).findFirst();
    }
}
