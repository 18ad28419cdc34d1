package com.biometriclogger.evidence;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One archived hour as the write-once archive holds it.
 *
 * @param period        the hour its key names, as written there
 * @param parts         the first version's parts; empty when they cannot be read ({@code unreadable} says why)
 * @param versions      how many versions the key holds: Object Lock allows adding one, never removing one
 * @param deleteMarkers delete markers hiding the key (the locked versions stay)
 */
public record ArchivedSeal(String period, String key, List<Map<String, String>> parts, int versions,
                           int deleteMarkers, Optional<String> unreadable) {
}
