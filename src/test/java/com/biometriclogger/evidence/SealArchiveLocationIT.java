package com.biometriclogger.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.biometriclogger.local.stack.LocalEvidence;
import com.biometriclogger.local.stack.LocalStack;
import com.biometriclogger.testing.LocalStackExtension;
import com.biometriclogger.testing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The red team's verify without the archive, on a deployment that archives: the seals say where
 * they were archived, signed, so a verify that did not check there cannot print INTACT.
 */
@ExtendWith(LocalStackExtension.class)
class SealArchiveLocationIT {

    @Test
    void verifyWithoutTheArchiveTheSealsNameSaysItWasNotVerifiedAgainstIt(Scenario scenario) {
        var handler = scenario.handlerAt(Instant.now().minus(Duration.ofHours(2)), Map.of("VERIFICATION_MODE", "MATCH"));
        scenario.decideMatching(handler, "references/archived.jpg", 6001);
        LocalEvidence.sealer(scenario.stack(), scenario.table(), Clock.systemUTC()).sealThrough(Instant.now());
        String archive = "s3://" + LocalStack.SEAL_ARCHIVE_BUCKET + "/" + LocalStack.sealArchivePrefix(scenario.table());
        var commands = new LedgerCommands(scenario);

        var without = commands.verifyWithoutArchive();
        var with = commands.verify();

        assertTrue(scenario.stack().dynamoDb().scan(b -> b.tableName(LocalStack.sealTableName(scenario.table()))).items()
                .stream().allMatch(seal -> archive.equals(seal.get(SealRecord.ARCHIVE).s())), "every seal names it");
        assertEquals(3, without.status(), without.out() + without.err());
        assertTrue(without.out().endsWith("RESULT: NOT VERIFIED AGAINST THE ARCHIVE " + archive + " (give --seal-archive "
                + archive + ")\n"), without.out());
        assertEquals(0, with.status(), with.out() + with.err());
        assertTrue(with.out().endsWith("RESULT: INTACT\n"), with.out());
    }

    @Test
    void aSealWhoseArchiveNameWasRemovedNoLongerVerifies(Scenario scenario) {
        var handler = scenario.handlerAt(Instant.now().minus(Duration.ofHours(2)), Map.of("VERIFICATION_MODE", "MATCH"));
        scenario.decideMatching(handler, "references/archived.jpg", 6002);
        LocalEvidence.sealer(scenario.stack(), scenario.table(), Clock.systemUTC()).sealThrough(Instant.now());
        var insider = new Insider(scenario);
        scenario.stack().dynamoDb().scan(b -> b.tableName(LocalStack.sealTableName(scenario.table()))).items()
                .forEach(seal -> {
                    var strings = new HashMap<>(Scenario.asStrings(seal));
                    strings.remove(SealRecord.ARCHIVE);
                    insider.putSeal(strings);
                });

        var without = new LedgerCommands(scenario).verifyWithoutArchive();

        assertEquals(1, without.status(), without.out());
        assertTrue(without.out().contains("SIGNATURE_INVALID        seal "), without.out());
    }
}
