package com.biometriclogger.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md's configuration table names every variable the three functions read: the table once
 * lacked five of them. The variables are those the real settings ask their environment for, recorded as
 * they are asked, so a variable added to the code without a row fails here.
 */
class ConfigurationTableTest {

    /** Credentials are described under the table, not in it: Lambda sets them, nobody configures them. */
    private static final Set<String> CREDENTIALS = Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI");

    @Test
    void everyVariableTheFunctionsReadHasARowInTheConfigurationTable() throws IOException {
        Set<String> read = new TreeSet<>();
        List<Consumer<Map<String, String>>> functions = List.of(Settings::fromEnvironment, SealSettings::fromEnvironment,
                ChangeAlarmSettings::fromEnvironment);
        for (var function : functions) {
            try {
                function.accept(recording(read));
            } catch (ConfigurationException expected) {
                // An empty environment fails; by then every variable has been asked for.
            }
        }
        read.removeAll(CREDENTIALS);
        assertTrue(read.containsAll(Set.of("AUDIT_TABLE_NAME", "SEAL_ARCHIVE_BUCKET", "ALERT_TOPIC_ARN")),
                "the recording saw the three functions' variables: " + read);

        Set<String> documented = tableVariables();
        Set<String> missing = new TreeSet<>(read);
        missing.removeAll(documented);
        assertEquals(Set.of(), missing, "read by the code, missing from docs/operations.md's configuration table");
        for (String credential : CREDENTIALS) {
            assertTrue(configurationSection().contains("`" + credential + "`"), credential + " is described under the table");
        }
    }

    /** Every name in backticks in the first column of the table's rows. */
    private static Set<String> tableVariables() throws IOException {
        Set<String> names = new TreeSet<>();
        var firstColumn = Pattern.compile("(?m)^\\| ([^|]+) \\|");
        var name = Pattern.compile("`([A-Z][A-Z0-9_]+)`");
        firstColumn.matcher(configurationSection()).results()
                .forEach(row -> name.matcher(row.group(1)).results().forEach(m -> names.add(m.group(1))));
        return names;
    }

    private static String configurationSection() throws IOException {
        String page = Files.readString(Path.of("docs/operations.md"));
        int start = page.indexOf("\n## Configuration\n");
        int end = page.indexOf("\n### ", start);
        assertTrue(start >= 0 && end > start, "docs/operations.md has a Configuration section");
        return page.substring(start, end);
    }

    /** An empty environment that writes down every variable asked for. */
    private static Map<String, String> recording(Set<String> read) {
        return new AbstractMap<>() {
            @Override
            public String get(Object key) {
                read.add((String) key);
                return null;
            }

            @Override
            public Set<Entry<String, String>> entrySet() {
                return Set.of();
            }
        };
    }
}
