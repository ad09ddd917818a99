package org.pqipsec.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesNestedValues() {
        Object value = Json.parse(" {\"a\": [1, -2.5e3, true, false, null], \"b\": {\"c\": \"d\"}, \"e\": []} ");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a", Arrays.asList(1.0, -2500.0, true, false, null));
        expected.put("b", Map.of("c", "d"));
        expected.put("e", List.of());
        assertEquals(expected, value);
    }

    @Test
    void keepsMemberOrder() {
        Map<?, ?> object = (Map<?, ?>) Json.parse("{\"z\": 1, \"a\": 2, \"m\": 3}");

        assertEquals(List.of("z", "a", "m"), List.copyOf(object.keySet()));
    }

    @Test
    void decodesStringEscapes() {
        Object value = Json.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00\"");

        assertEquals("q\" b\\ s/ \b\f\n\r\t é 😀", value);
    }

    @Test
    void parsesNumberForms() {
        assertEquals(0.0, Json.parse("0"));
        assertEquals(-0.5, Json.parse("-0.5"));
        assertEquals(1.5e-7, Json.parse("1.5E-7"));
        assertEquals(120.0, Json.parse("1.2e+2"));
    }

    @Test
    void parsesNullAtTopLevel() {
        assertNull(Json.parse("null"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[1,]", "{\"a\" 1}", "{a: 1}", "01", "1.", "-", "1e", "tru", "\"open",
            "\"bad \\x escape\"", "\"\\u12\"", "[1] 2", "\"tab\there\"", "NaN"})
    void rejectsInvalidText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(text));

        assertTrue(e.getMessage().startsWith("invalid JSON at offset "), e.getMessage());
    }

    @Test
    void rejectsExcessiveNesting() {
        String deep = "[".repeat(Json.MAX_DEPTH + 2) + "]".repeat(Json.MAX_DEPTH + 2);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(deep));

        assertTrue(e.getMessage().contains("nesting deeper than"), e.getMessage());
    }

    @Test
    void reportsOffsetOfError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, x]"));

        assertEquals("invalid JSON at offset 4: expected a value", e.getMessage());
    }
}
