package com.biometriclogger.evidence;

import java.util.List;
import java.util.Map;

/**
 * One hour's seal, read and signature-checked: its head, the head as stored (which the next seal's
 * link is a digest of) and every part's leaves in part order.
 */
record SealedPeriod(SealPeriod period, SealRecord head, Map<String, String> storedHead, List<SealRecord.Leaf> leaves) {

    boolean commitsToContent() {
        return head.commitsToContent();
    }
}
