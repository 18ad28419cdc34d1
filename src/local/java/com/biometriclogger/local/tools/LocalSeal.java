package com.biometriclogger.local.tools;

import com.biometriclogger.config.SealSettings;
import com.biometriclogger.evidence.SealPeriod;
import com.biometriclogger.handler.Wiring;
import com.biometriclogger.util.Plural;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * {@code seal}: seals the hours up to and including the current one against the {@code --serve}
 * stack, as if the current hour had ended. {@code erase} refuses items of unsealed hours, and the
 * deployed schedule seals an hour only 5 minutes after it ends, so without this the local erase
 * flow waits up to 65 minutes. The seal records the real time it was made ({@code sealedAt}); only
 * its cutoff moves. Erase files its records written after that under the next hour ({@link
 * com.biometriclogger.evidence.Erasure}); a decision written into the sealed hour is {@code NOT_IN_SEAL},
 * as an insider's would be. It refuses any endpoint but loopback: an AWS ledger's hour sealed early would
 * make every later decision of that hour {@code NOT_IN_SEAL}.
 */
final class LocalSeal {

    private LocalSeal() {
    }

    static int run(Map<String, String> env, Clock clock, PrintStream out) {
        LocalEndpoints.require(env, "seal");
        var sealer = Wiring.sealer(SealSettings.fromEnvironment(env), clock);
        var current = SealPeriod.containing(clock.instant());
        var report = sealer.sealThrough(current.end());
        if (report.sealedPeriods().isEmpty()) {
            out.println("nothing to seal: every hour up to " + current + " UTC is sealed already");
            return 0;
        }
        out.println("sealed " + Plural.of(report.sealedPeriods().size(), "hour") + " up to " + current + " UTC ("
                + Plural.of(report.itemsSealed(), "item") + "), the current one as if it had ended");
        out.println("  a decision written in that hour from now on is NOT_IN_SEAL;"
                + " erase files its records under the next hour");
        return 0;
    }
}
