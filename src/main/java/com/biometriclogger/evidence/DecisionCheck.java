package com.biometriclogger.evidence;

import java.util.Map;
import java.util.Optional;

/** Re-applies an item's recorded thresholds to its recorded figures. */
public interface DecisionCheck {

    /** @param why what contradicts the recorded decision; null when it follows */
    record Outcome(boolean follows, String why) {
    }

    /** @return empty when the item records no figures to re-derive its decision from */
    Optional<Outcome> rederive(Map<String, String> item);
}
