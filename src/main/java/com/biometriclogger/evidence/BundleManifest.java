package com.biometriclogger.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * {@code bundle.json}: what the exporter states about a bundle, so the checker can demand a complete
 * one: its range of hours, the hour it was sealed through, the head its chain starts after (none: from
 * genesis), where its seals come from and how many problems verify found. The sender can edit it like
 * any other file; it narrows what a complete bundle must hold, and the recipient's expected keys and
 * head are what tie the bundle to facts they got another way.
 *
 * @param firstHour     the first hour of the range
 * @param lastHour      the last hour of the range (at most the hour of export)
 * @param sealedThrough the newest sealed hour in the range, empty if none
 * @param startHead     the head just before the range, empty when the range starts at genesis
 * @param fromArchive   whether the seals are the archive's first versions (else the seal table's copies)
 */
public record BundleManifest(String firstHour, String lastHour, Optional<String> sealedThrough,
                             Optional<Map<String, String>> startHead, boolean fromArchive, int verifyProblems,
                             Instant exportedAt) {

    public static final String FILE = "bundle.json";
    static final String FORMAT = "3";

    /**
     * @param from         the first day asked for, empty for all; {@code to} likewise
     * @param earliest     the earliest hour bundled, when {@code from} is empty
     * @param headsByHour  every authoritative seal head (part 0) by hour, in and before the range
     */
    static BundleManifest of(Optional<LocalDate> from, Optional<LocalDate> to, String earliest, NavigableMap<String, Map<String, String>> headsByHour,
                             boolean fromArchive, int verifyProblems, Instant now) {
        String exportHour = SealPeriod.containing(now).toString();
        String last = to.map(day -> day + "T23").filter(hour -> hour.compareTo(exportHour) <= 0).orElse(exportHour);
        String asked = from.map(day -> day + "T00").orElse(earliest);
        String first = asked.compareTo(last) > 0 ? last : asked;
        var through = Optional.ofNullable(headsByHour.floorKey(last)).filter(hour -> hour.compareTo(first) >= 0);
        var start = from.isEmpty() ? Optional.<Map<String, String>>empty()
                : Optional.ofNullable(headsByHour.lowerEntry(first)).map(Map.Entry::getValue);
        return new BundleManifest(first, last, through, start, fromArchive, verifyProblems, now);
    }

    /** The manifest as one canonical line, all Strings, as the checker demands of every line. */
    String json() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("format", FORMAT);
        fields.put("firstHour", firstHour);
        fields.put("lastHour", lastHour);
        fields.put("sealedThrough", sealedThrough.orElse(""));
        fields.put("startHead", startHead.map(CanonicalForm::linkDigest).orElse(""));
        fields.put("startHeight", startHead.map(head -> head.getOrDefault(SealRecord.CHAIN_HEIGHT, "")).orElse(""));
        fields.put("sealSource", fromArchive ? "archive" : "table");
        fields.put("verifyProblems", Integer.toString(verifyProblems));
        fields.put("exportedAt", exportedAt.toString());
        return CanonicalForm.json(fields) + "\n";
    }
}
