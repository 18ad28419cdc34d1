package com.biometriclogger.evidence;

import java.util.Map;
import java.util.TreeMap;

/** The seal table's write-once contract in memory, for the sealer's and the verifier's unit tests. */
class InMemorySealStore implements Sealer.SealStore {

    final Map<String, Map<String, String>> parts;

    InMemorySealStore(Map<String, Map<String, String>> parts) {
        this.parts = parts;
    }

    InMemorySealStore() {
        this(new TreeMap<>());
    }

    @Override
    public boolean isSealed(String period) {
        return parts.containsKey(SealRecord.sealId(period, 0));
    }

    @Override
    public boolean putOnce(Map<String, String> part) {
        return parts.putIfAbsent(part.get(SealRecord.SEAL_ID), part) == null;
    }
}
