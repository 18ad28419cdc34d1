package com.biometriclogger.evidence;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.util.JsonStrings;
import com.biometriclogger.util.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exact bytes a signature covers: the stored item's attributes, all Strings, except
 * {@code signature} itself, as a JSON object canonicalised by RFC 8785 (JCS): keys sorted by UTF-16
 * code units, no whitespace, strings escaped as ECMAScript's {@code JSON.stringify} does, UTF-8.
 *
 * <p>JCS was chosen so that anyone can rebuild these bytes without our code; for an all-String
 * object Python's {@code json.dumps(item, sort_keys=True, separators=(",", ":"), ensure_ascii=False)}
 * produces them exactly (see docs/evidence.md, "By hand against the local stack").
 */
public final class CanonicalForm {

    public static final String SIGNATURE = AuditAttribute.SIGNATURE.stored();

    private CanonicalForm() {
    }

    public static byte[] of(Map<String, String> attributes) {
        var signed = new TreeMap<>(attributes);
        signed.remove(SIGNATURE);
        return json(signed).getBytes(StandardCharsets.UTF_8);
    }

    /** The same JSON serialisation for any all-String object, signature included (evidence bundles). */
    public static String json(Map<String, String> attributes) {
        var json = new StringBuilder(1024).append('{');
        // TreeMap orders by String.compareTo: UTF-16 code units, which is what JCS asks for.
        for (var entry : new TreeMap<>(attributes).entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            JsonStrings.appendQuoted(json, entry.getKey());
            json.append(':');
            JsonStrings.appendQuoted(json, entry.getValue());
        }
        return json.append('}').toString();
    }

    /**
     * What a seal commits to for one item: the SHA-256 (hex) of its canonical form. The signature is
     * left out, so re-signing unchanged content changes nothing and changed content changes it.
     */
    public static String digest(Map<String, String> attributes) {
        return Sha256.hex(of(attributes));
    }

    /**
     * The link from one seal to the one before it: the SHA-256 (hex) of the previous head as
     * stored, signature included, as CloudTrail's digest files name their predecessor's signature.
     */
    public static String linkDigest(Map<String, String> head) {
        return Sha256.hex(json(head).getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON string literal, escaped as JCS asks. */
    public static String quote(String value) {
        return JsonStrings.appendQuoted(new StringBuilder(value.length() + 2), value).toString();
    }
}
