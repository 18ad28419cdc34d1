package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Item and seal content as hostile as a holder of the item or seal key can sign: attributes from the
 * real names with values that are almost right (a number written {@code 00}, an hour one digit short,
 * a leaf with a comma in its id, a face count at {@code Integer.MAX_VALUE}) or anything at all. Verify
 * and the sealer must take each without throwing (a hang or an unbounded allocation fails the run as
 * well), and verify must name what is wrong: an input either verifies or yields findings.
 *
 * <p>The cases come from one seeded generator, so a run is repeatable: a failure names its seed and
 * try, and {@code -Dhostile.seed=S -Dhostile.tries=T} replays it as the last try.
 */
class HostileEvidenceTest {

    private static final long SEED = Long.getLong("hostile.seed", 20260503L);
    private static final int TRIES = Integer.getInteger("hostile.tries", 200);
    private static final Instant NOW = Instant.parse("2026-05-03T12:30:00Z");
    private static final String[] HOURS = {"2026-05-03T08", "2026-05-03T09", "2026-05-03T10", "2026-05-03T11"};
    private static final List<String> ITEM_NAMES = Stream.concat(
            Stream.of(AuditAttribute.values()).map(AuditAttribute::stored), Stream.of("signature", "signingKeyId", "x"))
            .toList();
    private static final List<String> SEAL_NAMES = List.of(SealRecord.SEAL_ID, SealRecord.PERIOD, SealRecord.PART,
            SealRecord.PART_COUNT, SealRecord.ITEM_COUNT, SealRecord.ATTEMPT_IDS, SealRecord.LEAVES,
            SealRecord.MERKLE_ROOT, SealRecord.PREVIOUS_SEAL, SealRecord.CHAIN_HEIGHT, SealRecord.SEALED_AT,
            SealRecord.SCHEMA_VERSION, SealRecord.ARCHIVE);
    private static final String HEX = "ab".repeat(32);
    private static final List<String> ALMOST_RIGHT = List.of("0", "1", "2", "00", "+0", "-1", "\u0660", "2147483647",
            "9223372036854775807", "99999999999999999999", "", " ", "AUTHORIZED", "UNAUTHORIZED", "NO_FACE", "true",
            "NaN", "1e9", "-0.0", "ERASURE");
    private static final List<String> ALMOST_IDS = List.of(HEX, "erasure-" + HEX, HEX + ":" + HEX,
            HEX + ":" + HEX + "," + HEX + ":", "a,b:c:" + HEX, HEX.toUpperCase(Locale.ROOT), "2026-05-03T8",
            "9999-12-31T23");
    /** Characters the fields split on, digits, controls, a non-ASCII digit and a lone surrogate. */
    private static final String TRICKY_CHARS = ",:#-.+ \t\n\r\u0000019aAfFzZT\u0660\u00e9\ud800\uffff";

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

    @Test
    void verifyNamesWhatIsWrongWithAnySignedItemsAndSeals() {
        var random = new Random(SEED);
        for (int tryNumber = 1; tryNumber <= TRIES; tryNumber++) {
            var items = contents(random, ITEM_NAMES, 12);
            var seals = contents(random, SEAL_NAMES, 13);
            String replay = replay(tryNumber);

            var report = assertDoesNotThrow(() -> verify(items, seals), replay);

            assertEquals(items.size(), report.itemsChecked(), replay);
            var badIds = items.stream().map(item -> item.getOrDefault("attemptId", ""))
                    .filter(id -> !AttemptIds.isValid(id)).toList();
            assertTrue(badIds.stream().allMatch(id -> report.findings().stream()
                    .anyMatch(f -> f.problem() == Problem.ID_INVALID && f.about().equals(id))),
                    () -> replay + ": " + report.findings());
        }
    }

    @Test
    void theSealerSealsOrRefusesWhateverTheTableAndTheArchiveHold() {
        var random = new Random(SEED);
        for (int tryNumber = 1; tryNumber <= TRIES; tryNumber++) {
            var items = contents(random, ITEM_NAMES, 12);
            var archived = contents(random, SEAL_NAMES, 13);
            String replay = replay(tryNumber);
            var archive = new InMemorySealArchive();

            var report = assertDoesNotThrow(() -> seal(items, archived, archive), replay);

            assertTrue(report.sealedPeriods().size() + report.refused().size() <= Sealer.LOOKBACK_PERIODS, replay);
            report.sealedPeriods().forEach(period -> assertTrue(ChainEnd.sound(period, archive.read(period),
                    Optional.empty()).isPresent(), () -> replay + ": " + period));
        }
    }

    private EvidenceReport verify(List<Map<String, String>> items, List<Map<String, String>> seals) {
        var verifier = new EvidenceVerifier(List.of(itemKey), List.of(sealKey), Optional.of(new RecordedDecisionCheck()),
                Optional.empty());
        items.forEach(item -> verifier.checkItem(new StoredItem(itemSigning.sign(item), List.of())));
        seals.forEach(seal -> verifier.checkSeal(new StoredItem(sealSigning.sign(seal), List.of())));
        return verifier.finish(NOW);
    }

    private Sealer.Report seal(List<Map<String, String>> items, List<Map<String, String>> archived,
                               InMemorySealArchive archive) {
        // Filed under an hour, as the archive's listing keeps only keys that name one.
        archived.forEach(part -> archive.putOnce(List.of(HOURS).contains(part.getOrDefault(SealRecord.PERIOD, ""))
                ? part.get(SealRecord.PERIOD) : HOURS[0], List.of(sealSigning.sign(part))));
        Sealer.PeriodIndex index = period -> items.stream()
                .filter(item -> period.equals(item.get(AuditAttribute.SEAL_PERIOD.stored()))).toList();
        return new Sealer(index, new InMemorySealStore(new HashMap<>()), archive, sealSigning,
                Clock.fixed(NOW, ZoneOffset.UTC)).sealDue();
    }

    private static String replay(int tryNumber) {
        return "seed " + SEED + ", try " + tryNumber + " (replay: -Dhostile.seed=" + SEED + " -Dhostile.tries="
                + tryNumber + ")";
    }

    /** Up to six items or seals, each with up to {@code maxNames} distinct attributes from {@code names}. */
    private static List<Map<String, String>> contents(Random random, List<String> names, int maxNames) {
        var contents = new ArrayList<Map<String, String>>();
        for (int count = random.nextInt(7); count > 0; count--) {
            var shuffled = new ArrayList<>(names);
            Collections.shuffle(shuffled, random);
            var content = new HashMap<String, String>();
            shuffled.subList(0, random.nextInt(Math.min(maxNames, names.size()) + 1))
                    .forEach(name -> content.put(name, value(random)));
            contents.add(content);
        }
        return contents;
    }

    /** A value that is almost what a field holds, or anything at all. */
    private static String value(Random random) {
        String hour = HOURS[random.nextInt(HOURS.length)];
        return switch (random.nextInt(6)) {
            case 0 -> ALMOST_RIGHT.get(random.nextInt(ALMOST_RIGHT.size()));
            case 1 -> hour;
            case 2 -> hour + ":10:00Z";
            case 3 -> hour + "#0";
            case 4 -> ALMOST_IDS.get(random.nextInt(ALMOST_IDS.size()));
            default -> anyString(random);
        };
    }

    /** Up to 80 characters, half of them from any code unit and half from those the fields parse. */
    private static String anyString(Random random) {
        var text = new StringBuilder();
        for (int length = random.nextInt(81); length > 0; length--) {
            text.append(random.nextBoolean() ? (char) random.nextInt(Character.MAX_VALUE + 1)
                    : TRICKY_CHARS.charAt(random.nextInt(TRICKY_CHARS.length())));
        }
        return text.toString();
    }
}
