package org.pqipsec.esp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReaderTest {

    @Test
    void nestedDocumentParsed() {
        Object parsed = JsonReader.parse(
                " {\"a\": [1, -2, 3.5e1, true, false, null], \"b\": {\"c\": \"x\\\"\\u0041\\n\"}, \"d\": []} ");

        Map<?, ?> root = (Map<?, ?>) parsed;
        assertEquals(List.of(1L, -2L, 35.0, true, false), ((List<?>) root.get("a")).subList(0, 5));
        assertNull(((List<?>) root.get("a")).get(5));
        assertEquals("x\"A\n", ((Map<?, ?>) root.get("b")).get("c"));
        assertEquals(List.of(), root.get("d"));
    }

    @Test
    void memberOrderKept() {
        Map<?, ?> root = (Map<?, ?>) JsonReader.parse("{\"z\":1,\"a\":2,\"m\":3}");

        assertEquals(List.of("z", "a", "m"), List.copyOf(root.keySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[1,]", "{\"a\" 1}", "\"open", "tru", "{} x", "[01x]", "\"\\q\""})
    void malformedDocumentRejected(String text) {
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse(text));
    }
}
