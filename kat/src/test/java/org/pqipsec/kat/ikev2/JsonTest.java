package org.pqipsec.kat.ikev2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @Test
    void objectKeepsKeyOrder() {
        Object value = Json.parse(" {\"b\": 1, \"a\": [true, false, null], \"c\": {}} ");

        Map<?, ?> object = (Map<?, ?>) value;
        assertEquals(List.of("b", "a", "c"), List.copyOf(object.keySet()));
        assertEquals(new BigDecimal("1"), object.get("b"));
        assertEquals(Map.of(), object.get("c"));
    }

    @Test
    void arrayWithLiterals() {
        List<?> array = (List<?>) Json.parse("[true,false,null,[]]");

        assertEquals(Boolean.TRUE, array.get(0));
        assertEquals(Boolean.FALSE, array.get(1));
        assertNull(array.get(2));
        assertEquals(List.of(), array.get(3));
    }

    @Test
    void stringEscapes() {
        assertEquals("a\"b\\c/d\b\f\n\r\t\u00e9",
                Json.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\""));
    }

    @Test
    void numberForms() {
        assertEquals(new BigDecimal("-12.5e3"), Json.parse("-12.5e3"));
        assertEquals(new BigDecimal("0"), Json.parse("0"));
        assertEquals(new BigDecimal("1E+2"), Json.parse("1E+2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[1,]", "{\"a\" 1}", "01", "\"abc", "tru", "[1] 2",
            "{\"a\":1,\"a\":2}", "\"\\x\"", "-", "1.", "\"\u0001\""})
    void malformedRejected(String text) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Json.parse(text));
        assertTrue(e.getMessage().startsWith("Invalid JSON at offset "), e.getMessage());
    }
}
