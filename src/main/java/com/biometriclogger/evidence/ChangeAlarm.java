package com.biometriclogger.evidence;

import com.biometriclogger.decision.AuditAttribute;
import com.biometriclogger.decision.ErasureRecord;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a change to an evidence table means, as its stream reports it. Every decision, erasure
 * record and seal is written once, with a condition, and nothing of ours ever changes or deletes
 * one: an INSERT is ours (or a forgery {@code verify} names), and every MODIFY or REMOVE is someone
 * else's, announced at once. A REMOVE of a decision that its erasure record covers (written before
 * the deletion, by the erase command) is announced as a lawful erasure, never silenced.
 */
public final class ChangeAlarm {

    /** SNS takes a subject of fewer than 100 printable ASCII characters. */
    static final int SUBJECT_LIMIT = 99;

    public enum Table {
        AUDIT("audit item",
                "Nothing of ours modifies a stored item: run verify with --commitments (CHANGED_AFTER_COMMITMENT, re-signed "
                        + "or not, sealed or not; SIGNATURE_INVALID unless re-signed) and look the caller up in CloudTrail.",
                "Nothing of ours deletes an item: run verify with --commitments now (DELETED_AFTER_COMMITMENT, sealed or "
                        + "not; DELETED_AFTER_SEALING too once sealed) and look the caller up in CloudTrail."),
        SEALS("seal",
                "Nothing of ours modifies a seal: run verify with --seal-archive (SEAL_DIFFERS_FROM_ARCHIVE) "
                        + "and look the caller up in CloudTrail.",
                "Nothing of ours deletes a seal: the next seal run restores it from the archive (SEAL_RESTORED); "
                        + "look the caller up in CloudTrail.");

        private final String item;
        /** What an operator does about a change to one of its items, by the finding that names it. */
        private final String modifyAdvice;
        private final String removeAdvice;

        Table(String item, String modifyAdvice, String removeAdvice) {
            this.item = item;
            this.modifyAdvice = modifyAdvice;
            this.removeAdvice = removeAdvice;
        }
    }

    public enum Operation { INSERT, MODIFY, REMOVE }

    public enum Verdict { UNEXPECTED_MODIFY, UNEXPECTED_REMOVE, LAWFUL_ERASURE }

    /**
     * One stream record. Images hold every attribute as text: a String as stored, any other type as
     * its type and value, so a retyped attribute shows as changed.
     *
     * @param key     the item's partition key value (attempt id, or seal id)
     * @param service the AWS service that made the change (DynamoDB itself, for a time-to-live
     *                deletion), empty for a caller's request
     */
    public record Change(Table table, String tableName, Operation operation, String key, Map<String, String> oldImage,
                         Map<String, String> newImage, Optional<String> service) {
    }

    /** What is published; subject and message are printable whatever the item holds. */
    public record Alert(Verdict verdict, Table table, String key, String subject, String message) {
    }

    /** The erasure records in the audit table: one consistent read by id, never a write. */
    public interface ErasureRecords {
        Optional<Map<String, String>> find(String erasureId);
    }

    public interface AlertPublisher {
        void publish(Alert alert);
    }

    private final ErasureRecords erasures;

    public ChangeAlarm(ErasureRecords erasures) {
        this.erasures = erasures;
    }

    /** @return the alert to raise, none for an INSERT */
    public Optional<Alert> alertFor(Change change) {
        return switch (change.operation()) {
            case INSERT -> Optional.empty();
            case MODIFY -> Optional.of(alert(Verdict.UNEXPECTED_MODIFY, change, "changed attributes: "
                    + String.join(", ", changedAttributes(change)) + ". " + change.table().modifyAdvice));
            case REMOVE -> Optional.of(removal(change));
        };
    }

    private Alert removal(Change change) {
        if (change.service().isPresent()) {
            return alert(Verdict.UNEXPECTED_REMOVE, change, "deleted by " + change.service().get()
                    + " (time to live): someone enabled TTL on an evidence table. Disable it, then run verify.");
        }
        if (change.table() == Table.AUDIT && !change.key().startsWith(ErasureRecord.ID_PREFIX)) {
            var record = erasures.find(ErasureRecord.idFor(change.key()));
            if (record.isPresent()) {
                return erasureRecorded(change, record.get());
            }
        }
        return alert(Verdict.UNEXPECTED_REMOVE, change, "no erasure record covers it. " + change.table().removeAdvice);
    }

    /**
     * The record must name this attempt and the digest of exactly what was deleted (its canonical
     * form, as the erase command read it); verify checks the record's signature and seal.
     */
    private static Alert erasureRecorded(Change change, Map<String, String> record) {
        if (!ErasureRecord.isErasure(record)
                || !change.key().equals(record.get(AuditAttribute.ERASED_ATTEMPT_ID.stored()))
                || !CanonicalForm.digest(change.oldImage()).equals(record.get(AuditAttribute.ERASED_DIGEST.stored()))) {
            return alert(Verdict.UNEXPECTED_REMOVE, change, "an item " + ErasureRecord.idFor(change.key())
                    + " exists but does not record the erasure of this item (kind, erasedAttemptId or erasedDigest differ). "
                    + change.table().removeAdvice);
        }
        return alert(Verdict.LAWFUL_ERASURE, change, "lawful erasure (request " + record.get(AuditAttribute.ERASURE_REQUEST.stored())
                + ", basis " + record.get(AuditAttribute.LEGAL_BASIS.stored()) + ", by " + record.get(AuditAttribute.ERASED_BY.stored())
                + "), recorded in " + ErasureRecord.idFor(change.key()) + ". verify reports it ERASED once it checks the record's signature.");
    }

    private static Set<String> changedAttributes(Change change) {
        Set<String> changed = new TreeSet<>();
        Set<String> names = new TreeSet<>(change.oldImage().keySet());
        names.addAll(change.newImage().keySet());
        for (String name : names) {
            if (!Objects.equals(change.oldImage().get(name), change.newImage().get(name))) {
                changed.add(name);
            }
        }
        return changed.isEmpty() ? Set.of("none (rewritten with the same content)") : changed;
    }

    private static Alert alert(Verdict verdict, Change change, String detail) {
        String subject = (verdict + " of " + change.table().item + " " + change.key()).replaceAll("[^\\x20-\\x7e]", "?");
        if (subject.length() > SUBJECT_LIMIT) {
            subject = subject.substring(0, SUBJECT_LIMIT - 1) + "~";
        }
        String message = printable(verdict + ": " + change.operation() + " of " + change.table().item + " " + change.key()
                + " in table " + change.tableName() + "; " + detail);
        return new Alert(verdict, change.table(), change.key(), subject, message);
    }

    /** Keys are whatever a writer chose: no control character may reach a mail client or a terminal. */
    private static String printable(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ? '?' : c));
        return out.toString();
    }
}
