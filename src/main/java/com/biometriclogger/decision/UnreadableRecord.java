package com.biometriclogger.decision;

/**
 * A record that names no upload this function can judge (a field missing or not decodable): it has
 * no attempt id, so it cannot be audited, and it fails the invocation once its neighbours were tried.
 *
 * @param index   the record's place in the event, from 0
 * @param problem which field is wrong and how, for the failure message
 */
public record UnreadableRecord(int index, String problem) implements EventRecord {
}
