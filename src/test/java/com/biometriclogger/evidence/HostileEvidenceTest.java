package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.evidence.Finding.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Item and seal content as hostile as a holder of the item or seal key can sign: attributes from the
 * real names with values that are almost right (a number written {@code 00}, an hour one digit short,
 * a leaf with a comma in its id, a face count at {@code Integer.MAX_VALUE}) or anything at all. Verify
 * and the sealer must take each without throwing (a hang or an unbounded allocation fails the run as
 * well), and verify must name what is wrong: an input either verifies or yields findings.
 */
class HostileEvidenceTest {

    private static final Instant NOW = Instant.parse("2026-05-03T12:30:00Z");
    private static final String[] HOURS = {"2026-05-03T08", "2026-05-03T09", "2026-05-03T10", "2026-05-03T11"};

    private final EvidenceSigning itemSigning;
    private final EvidenceSigning sealSigning;
    private final EvidenceKey itemKey;
    private final EvidenceKey sealKey;

    HostileEvidenceTest() {
        try {
            var keys = new SealedLedger(Files.createTempDirectory("hostile-evidence"));
            itemSigning = keys.itemSigning;
            sealSigning = keys.sealSigning;
            itemKey = keys.itemKey;
            sealKey = keys.sealKey;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property
    void verifyNamesWhatIsWrongWithAnySignedItemsAndSeals(@ForAll("items") List<Map<String, String>> items,
                                                          @ForAll("seals") List<Map<String, String>> seals) {
        var verifier = new EvidenceVerifier(List.of(itemKey), List.of(sealKey), Optional.of(new RecordedDecisionCheck()),
                Optional.empty());
        items.forEach(item -> verifier.checkItem(new StoredItem(itemSigning.sign(item), List.of())));
        seals.forEach(seal -> verifier.checkSeal(new StoredItem(sealSigning.sign(seal), List.of())));

        var report = verifier.finish(NOW);

        assertEquals(items.size(), report.itemsChecked());
        var badIds = items.stream().map(item -> item.getOrDefault("attemptId", ""))
                .filter(id -> !AttemptIds.isValid(id)).toList();
        assertTrue(badIds.stream().allMatch(id -> report.findings().stream()
                .anyMatch(f -> f.problem() == Problem.ID_INVALID && f.about().equals(id))), report.findings().toString());
    }

    @Property
    void theSealerSealsOrRefusesWhateverTheTableAndTheArchiveHold(@ForAll("items") List<Map<String, String>> items,
                                                                 @ForAll("seals") List<Map<String, String>> archived) {
        var archive = new InMemorySealArchive();
        // Filed under an hour, as the archive's listing keeps only keys that name one.
        archived.forEach(part -> archive.putOnce(List.of(HOURS).contains(part.getOrDefault(SealRecord.PERIOD, ""))
                ? part.get(SealRecord.PERIOD) : HOURS[0], List.of(sealSigning.sign(part))));
        Sealer.PeriodIndex index = period -> items.stream()
                .filter(item -> period.equals(item.get(AuditAttribute.SEAL_PERIOD.stored()))).toList();

        var report = new Sealer(index, new InMemorySealStore(new HashMap<>()), archive, sealSigning,
                Clock.fixed(NOW, ZoneOffset.UTC)).sealDue();

        assertTrue(report.sealedPeriods().size() + report.refused().size() <= Sealer.LOOKBACK_PERIODS);
        report.sealedPeriods().forEach(period -> assertTrue(ChainEnd.sound(period, archive.read(period),
                Optional.empty()).isPresent(), period));
    }

    @Provide
    Arbitrary<List<Map<String, String>>> items() {
        var names = Arbitraries.of(Stream.concat(Stream.of(AuditAttribute.values()).map(AuditAttribute::stored),
                Stream.of("signature", "signingKeyId", "x")).toList());
        return Arbitraries.maps(names, values()).ofMaxSize(12).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Map<String, String>>> seals() {
        var names = Arbitraries.of(SealRecord.SEAL_ID, SealRecord.PERIOD, SealRecord.PART, SealRecord.PART_COUNT,
                SealRecord.ITEM_COUNT, SealRecord.ATTEMPT_IDS, SealRecord.LEAVES, SealRecord.MERKLE_ROOT,
                SealRecord.PREVIOUS_SEAL, SealRecord.CHAIN_HEIGHT, SealRecord.SEALED_AT, SealRecord.SCHEMA_VERSION,
                SealRecord.ARCHIVE);
        return Arbitraries.maps(names, values()).ofMaxSize(13).list().ofMaxSize(6);
    }

    /** Values that are almost what a field holds, and anything at all. */
    private static Arbitrary<String> values() {
        String hex = "ab".repeat(32);
        return Arbitraries.oneOf(
                Arbitraries.of("0", "1", "2", "00", "+0", "-1", "\u0660", "2147483647", "9223372036854775807",
                        "99999999999999999999", "", " ", "2", "AUTHORIZED", "UNAUTHORIZED", "NO_FACE", "true", "NaN",
                        "1e9", "-0.0", "ERASURE"),
                Arbitraries.of(HOURS),
                Arbitraries.of(HOURS).map(hour -> hour + ":10:00Z"),
                Arbitraries.of(HOURS).map(hour -> hour + "#0"),
                Arbitraries.of(hex, "erasure-" + hex, hex + ":" + hex, hex + ":" + hex + "," + hex + ":",
                        "a,b:c:" + hex, hex.toUpperCase(java.util.Locale.ROOT), "2026-05-03T8", "9999-12-31T23"),
                Arbitraries.strings().ofMaxLength(80));
    }
}
