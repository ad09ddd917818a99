package org.pqipsec.kat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @Test
    void parsesNestedValues() {
        Object value = Json.parse(" {\"a\": [1, -2, 3.5, 1e3, true, false, null],"
                + " \"b\": {\"c\": \"x\\\"y\\\\z\\n\\u00e9\"}, \"e\": []} ");

        Map<?, ?> object = (Map<?, ?>) value;
        List<?> array = (List<?>) object.get("a");
        assertEquals(1L, array.get(0));
        assertEquals(-2L, array.get(1));
        assertEquals(3.5, array.get(2));
        assertEquals(1000.0, array.get(3));
        assertEquals(true, array.get(4));
        assertEquals(false, array.get(5));
        assertNull(array.get(6));
        assertEquals("x\"y\\z\né", ((Map<?, ?>) object.get("b")).get("c"));
        assertEquals(List.of(), object.get("e"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[1,]", "{\"a\" 1}", "{\"a\":1,}", "01", "1.", "-",
        "\"abc", "\"\\x\"", "tru", "[1] 2", "{\"a\":1,\"a\":2}", "\"\u0001\"", "\"\\u12\""})
    void rejectsMalformedInput(String text) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Json.parse(text));
        assertEquals(true, e.getMessage().startsWith("invalid JSON at offset "), e.getMessage());
    }
}
