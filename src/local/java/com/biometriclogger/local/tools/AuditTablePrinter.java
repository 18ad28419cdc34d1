package com.biometriclogger.local.tools;

import static com.biometriclogger.decision.AuditAttribute.*;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Prints the audit table's items (the rows {@code aws dynamodb scan} returns) as a table a person
 * reads in a terminal: within 100 columns (one reason a line), the image first and under it the reference it was
 * compared with, figures to one decimal (the items keep every digit), the attempt id shortened as git shortens commits.
 */
final class AuditTablePrinter {

    record Column(String header, Function<Map<String, AttributeValue>, String> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column(OBJECT_KEY.stored(), item -> text(item, OBJECT_KEY.stored())),
            new Column(DECISION.stored(), item -> text(item, DECISION.stored())),
            new Column(REASONS.stored(), item -> text(item, REASONS.stored())),
            new Column(SIMILARITY.stored(), item -> oneDecimal(text(item, SIMILARITY.stored()))),
            new Column(ATTEMPT_ID.stored(), item -> shortened(text(item, ATTEMPT_ID.stored()))));
    private static final int REASONS_COLUMN = 2;
    /** Starts the line under a compared upload's key that names the reference it was compared with. */
    static final String REFERENCE_MARK = "  vs ";

    private AuditTablePrinter() {
    }

    static List<Map<String, AttributeValue>> scan(DynamoDbClient dynamoDb, String table) {
        return dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().stream()
                .sorted(Comparator.comparing(
                                (Map<String, AttributeValue> item) -> text(item, DECIDED_AT_EPOCH_MILLIS.stored()).length())
                        .thenComparing(item -> text(item, DECIDED_AT_EPOCH_MILLIS.stored())))
                .toList();
    }

    static void print(List<Map<String, AttributeValue>> items, PrintStream out) {
        List<String[]> lines = new ArrayList<>();
        lines.add(COLUMNS.stream().map(Column::header).toArray(String[]::new));
        for (var item : items) {
            String[] row = COLUMNS.stream().map(column -> column.value().apply(item)).toArray(String[]::new);
            // One reason a line keeps the table within 100 columns; the others go on lines of their own below.
            String[] reasons = row[REASONS_COLUMN].split(",", -1);
            row[REASONS_COLUMN] = reasons[0];
            lines.add(row);
            // A subject may have several references: the one compared (the match, else the closest) under the key.
            String reference = text(item, SIMILARITY.stored()).isEmpty() ? "" : text(item, REFERENCE_KEY.stored());
            for (int r = 1; r < Math.max(reasons.length, reference.isEmpty() ? 1 : 2); r++) {
                String[] more = new String[COLUMNS.size()];
                Arrays.fill(more, "");
                more[REASONS_COLUMN] = r < reasons.length ? reasons[r] : "";
                more[0] = r == 1 && !reference.isEmpty() ? REFERENCE_MARK + reference : "";
                lines.add(more);
            }
        }
        String[][] rows = lines.toArray(String[][]::new);
        int[] widths = new int[COLUMNS.size()];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].codePointCount(0, row[c].length()));
            }
        }
        for (int r = 0; r < rows.length; r++) {
            var line = new StringBuilder();
            for (int c = 0; c < COLUMNS.size(); c++) {
                String cell = rows[r][c];
                line.append(cell).append(" ".repeat(widths[c] - cell.codePointCount(0, cell.length()))).append("  ");
            }
            out.println(line.toString().stripTrailing());
            if (r == 0) {
                int total = 0;
                for (int w : widths) {
                    total += w + 2;
                }
                out.println("-".repeat(total - 2));
            }
        }
    }

    /** A figure as people compare it (99.99994 → 100.0); the item keeps the stored digits. */
    static String oneDecimal(String stored) {
        if (stored.isEmpty()) {
            return stored;
        }
        try {
            return String.format(java.util.Locale.ROOT, "%.1f", Double.parseDouble(stored));
        } catch (NumberFormatException e) {
            return stored;
        }
    }

    private static String shortened(String attemptId) {
        return attemptId.length() > 7 ? attemptId.substring(0, 7) + "…" : attemptId;
    }

    private static String text(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null || value.s() == null ? "" : value.s();
    }
}
