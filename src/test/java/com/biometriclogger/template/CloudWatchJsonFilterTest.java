package com.biometriclogger.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known answers from the CloudWatch Logs User Guide, "Filter and Pattern Syntax" (doc_source/FilterAndPatternSyntax.md
 * of awsdocs/amazon-cloudwatch-logs-user-guide): its example events and the patterns it says match them or not.
 * Cases marked "ours" apply a rule the page states to a value it gives no example for.
 */
class CloudWatchJsonFilterTest {

    /** "JSON Metric Filter Examples". */
    private static final String TRAIL = """
            {"eventType": "UpdateTrail", "sourceIPAddress": "111.111.111.111", "arrayKey": ["value", "another value"],
             "objectList": [{"name": "a", "id": 1}, {"name": "b", "id": 2}], "SomeObject": null, "ThisFlag": true}""";

    /** "JSON Compound Conditions". */
    private static final String USERS = """
            {"user": {"id": 1, "email": "John.Stiles@example.com"},
             "users": [{"id": 2, "email": "John.Doe@example.com"}, {"id": 3, "email": "Jane.Doe@example.com"}],
             "actions": ["GET", "PUT", "DELETE"], "coordinates": [[0, 1, 2], [4, 5, 6], [7, 8, 9]]}""";

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "{ $.eventType = \"UpdateTrail\" }#true",
        "{ $.sourceIPAddress != 123.123.* }#true",
        "{ $.arrayKey[0] = \"value\" }#true",
        "{ $.objectList[1].id = 2 }#true",
        "{ $.SomeObject IS NULL }#true",
        "{ $.SomeOtherObject NOT EXISTS }#true",
        "{ $.ThisFlag IS TRUE }#true",
        // ours: the same rules, the other way
        "{ $.ThisFlag IS FALSE }#false",
        "{ $.SomeObject NOT EXISTS }#false",
        "{ $.eventType IS NULL }#false",
        "{ $.sourceIPAddress != 111.111.* }#false",
        "{ $.eventType = Update* }#true",
        "{ $.eventType = *Trail }#true",
        "{ $.eventType = Up*Trail }#false",
        "{ $.eventType = * }#true",
        "{ $.objectList[0].id = 2 }#false",
        "{ $.objectList[2].id = 2 }#false",
        "{ $.eventType[0] = \"UpdateTrail\" }#false",
        "{ $.eventType = \"updatetrail\" }#false",
    })
    void theTrailExample(String pattern, boolean matches) {
        assertEquals(matches, CloudWatchJsonFilter.matches(pattern, TRAIL), pattern);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "{ ($.user.id = 1) && ($.users[0].email = \"John.Doe@example.com\") }#true",
        "{ ($.user.id = 2 && $.users[0].email = \"nonmatch\") || $.actions[2] = \"GET\" }#false",
        "{ $.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = nonmatch && $.actions[2] = nomatch }#true",
        "{ ($.user.email = \"John.Stiles@example.com\" || $.coordinates[0][1] = nonmatch) && $.actions[2] = nomatch }#false",
        // ours: nested indexes and numbers
        "{ $.coordinates[2][0] = 7 }#true",
        "{ $.coordinates[2][0] >= 7 && $.user.id < 2 }#true",
    })
    void theCompoundConditionsExample(String pattern, boolean matches) {
        assertEquals(matches, CloudWatchJsonFilter.matches(pattern, USERS), pattern);
    }

    @Test
    void orMatchesEitherEvent() {
        String bar = "{\"foo\": \"bar\"}";
        String baz = "{\"foo\": \"baz\"}";

        assertEquals(true, CloudWatchJsonFilter.matches("{$.foo = bar}", bar));
        assertEquals(false, CloudWatchJsonFilter.matches("{$.foo = bar}", baz));
        assertEquals(true, CloudWatchJsonFilter.matches("{$.foo = baz }", baz));
        assertEquals(true, CloudWatchJsonFilter.matches("{$.foo = bar || $.foo = baz }", bar));
        assertEquals(true, CloudWatchJsonFilter.matches("{$.foo = bar || $.foo = baz }", baz));
    }

    @Test
    void aSelectorOnAnArrayMatchesNeitherEqualNorNotEqual() {
        String users = "{\"users\": [1, 2, 3]}";

        assertEquals(false, CloudWatchJsonFilter.matches("{$.users = 1}", users));
        assertEquals(false, CloudWatchJsonFilter.matches("{$.users != 1}", users));
    }

    /** "Numeric Comparisons": the page's patterns, on an event of ours that each should match. */
    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "{ $.latency >= 500 }#true",
        "{ $.numbers[0] < 10e3 }#true",
        "{ $.numbers[0] < 10e-3 }#true",
        "{ $.processes[4].averageRuntime <= 55.5 }#true",
        "{ $.errorCode = 400 }#true",
        "{ $.errorCode != 500 }#true",
        "{ $.latency > +1000 }#false",
        "{ $.latency > 499 }#true",
        "{ $.errorCode != 400 }#false",
    })
    void numericComparisons(String pattern, boolean matches) {
        String event = "{\"latency\": 500, \"numbers\": [0.005], \"errorCode\": 400,"
                + " \"processes\": [{}, {}, {}, {}, {\"averageRuntime\": 55.5}]}";

        assertEquals(matches, CloudWatchJsonFilter.matches(pattern, event), pattern);
    }

    @Test
    void aLineThatIsNotJsonNeverMatchesAndAPatternItCannotReadIsRefused() {
        assertEquals(false, CloudWatchJsonFilter.matches("{ $.alert = * }", "2026-05-03 ERROR alert=SEAL_HOLE"));
        assertThrows(IllegalArgumentException.class, () -> CloudWatchJsonFilter.matches("{ $.a = \"x\" ", "{}"));
        assertThrows(IllegalArgumentException.class, () -> CloudWatchJsonFilter.matches("{ $.a ~ \"x\" }", "{}"));
        assertThrows(IllegalArgumentException.class, () -> CloudWatchJsonFilter.matches("{ $.a > abc }", "{}"));
        assertThrows(IllegalArgumentException.class, () -> CloudWatchJsonFilter.matches("ERROR", "{}"));
    }
}
