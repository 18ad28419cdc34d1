package com.biometriclogger.local;

import static com.biometriclogger.decision.AuditAttribute.*;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Prints the audit table's items (the rows {@code aws dynamodb scan} returns) as a readable table. */
final class AuditTablePrinter {

    private static final String[] COLUMNS = {DECIDED_AT.stored(), OBJECT_KEY.stored(), VERSION_ID.stored(),
            DECISION.stored(), REASONS.stored(), SIMILARITY.stored(), FACE_COUNT.stored(), TOP_CONFIDENCE.stored(), SHA256.stored()};

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
        String[][] rows = new String[items.size() + 1][COLUMNS.length];
        rows[0] = COLUMNS;
        for (int i = 0; i < items.size(); i++) {
            for (int c = 0; c < COLUMNS.length; c++) {
                String value = text(items.get(i), COLUMNS[c]);
                rows[i + 1][c] = COLUMNS[c].equals(SHA256.stored()) && value.length() > 12 ? value.substring(0, 12) + "…" : value;
            }
        }
        int[] widths = new int[COLUMNS.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].codePointCount(0, row[c].length()));
            }
        }
        for (int r = 0; r < rows.length; r++) {
            var line = new StringBuilder();
            for (int c = 0; c < COLUMNS.length; c++) {
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

    private static String text(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null || value.s() == null ? "" : value.s();
    }
}
